package org.threadline.app.web;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * One person's browser, without the browser: real HTTP with cookies, redirects not followed (so tests see them),
 * and the CSRF token taken from the last page that had a form, as a browser would send it.
 */
final class WebClient {
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private final TestApp app;
    private final HttpClient http;
    private String csrf;

    WebClient(TestApp app) {
        this.app = app;
        this.http = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    record Page(int status, String body, HttpResponse<String> response) {
        Optional<String> location() {
            return response.headers().firstValue("Location").map(l -> l.replaceFirst("^https?://[^/]+", ""));
        }

        String header(String name) {
            return response.headers().firstValue(name).orElse(null);
        }
    }

    Page get(String path) {
        return send(HttpRequest.newBuilder(URI.create(app.url(path))).GET());
    }

    /** A form post carrying the CSRF token of the last page with a form. */
    Page post(String path, Map<String, String> form) {
        Map<String, String> fields = new LinkedHashMap<>(form);
        if (csrf != null) {
            fields.putIfAbsent("_csrf", csrf);
        }
        return postRaw(path, fields);
    }

    /** A form post with exactly these fields (no CSRF token unless given). */
    Page postRaw(String path, Map<String, String> fields) {
        String body = fields.entrySet().stream()
                .map(e -> enc(e.getKey()) + "=" + enc(e.getValue())).collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(URI.create(app.url(path)))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /**
     * A multipart form post (a file upload) carrying the CSRF token of the last page with a form, as a browser sends
     * it: the fields, then the file in the part named {@code fileField}.
     */
    Page postMultipart(String path, Map<String, String> form, String fileField, String fileName, byte[] content) {
        Map<String, String> fields = new LinkedHashMap<>(form);
        if (csrf != null) {
            fields.putIfAbsent("_csrf", csrf);
        }
        String boundary = "----threadline" + java.util.UUID.randomUUID();
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        fields.forEach((k, v) -> body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\""
                + k + "\"\r\n\r\n" + v + "\r\n").getBytes(StandardCharsets.UTF_8)));
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + fileField
                + "\"; filename=\"" + fileName + "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return send(HttpRequest.newBuilder(URI.create(app.url(path)))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
    }

    /** A GET as it arrives from a TLS-terminating proxy in front of the app. */
    Page getOverHttps(String path) {
        return send(HttpRequest.newBuilder(URI.create(app.url(path))).header("X-Forwarded-Proto", "https").GET());
    }

    Page send(String method, String path) {
        return "GET".equals(method) ? get(path) : post(path, Map.of());
    }

    /** Signs in (loading the form first for its token); returns where sign-in redirected to. */
    Page signIn(String username, String password) {
        get("/sign-in");
        return post("/sign-in", Map.of("username", username, "password", password));
    }

    /** Signs in and declares a purpose that needs a case reference. */
    Page signInWithPurpose(String username, String password, String purpose, String caseReference) {
        signIn(username, password);
        get("/purpose");
        return post("/purpose", Map.of("purpose", purpose, "caseReference", caseReference));
    }

    private Page send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> r = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            Matcher m = CSRF.matcher(r.body());
            if (m.find()) {
                csrf = m.group(1);
            }
            return new Page(r.statusCode(), r.body(), r);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
