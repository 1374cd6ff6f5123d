package org.threadline.app.web.security;

import java.util.List;

/** The only paths reachable without signing in. Everything else needs a signed-in session (deny by default). */
public final class PublicPaths {
    /** Pages. */
    public static final List<String> PAGES = List.of("/sign-in", "/signed-out", "/session-expired", "/error");

    /** GOV.UK Frontend's CSS, JS and images, and the application's own CSS and JS (no data). */
    public static final List<String> ASSETS = List.of("/webjars/**", "/assets/**", "/css/**", "/js/**");

    private PublicPaths() {
    }
}
