/**
 * The web application ({@code ./threadline serve}): Spring Boot, server-rendered Thymeleaf pages in the GOV.UK
 * Design System style, working without JavaScript. Spring is only started by {@code serve} (and the demo), so the
 * other commands start as fast as before. One package per feature: {@code accounts} (local sign-in, lockout),
 * {@code purpose} (the purpose declared before any personal data), {@code security} (the filter chain, headers,
 * access levels), {@code home} (the dashboard of journeys), {@code layout} (what every page shows, the error page).
 */
package org.threadline.app.web;
