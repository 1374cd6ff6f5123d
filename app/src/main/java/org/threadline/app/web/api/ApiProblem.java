package org.threadline.app.web.api;

import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * A call the API refuses, with what to do about it: becomes an RFC 9457 problem document
 * ({@code application/problem+json}). The detail never holds personal data: it names headers, fields and rules, not
 * values.
 */
public final class ApiProblem extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Problem types: {@code urn:threadline:problem:<slug>}, each explained in docs/api.md. */
    public static URI type(String slug) {
        return URI.create("urn:threadline:problem:" + slug);
    }

    private final HttpStatus status;
    private final String slug;
    private final String title;

    public ApiProblem(HttpStatus status, String slug, String title, String detail) {
        super(detail);
        this.status = status;
        this.slug = slug;
        this.title = title;
    }

    public HttpStatus status() {
        return status;
    }

    public ProblemDetail detail() {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(status, getMessage());
        p.setType(type(slug));
        p.setTitle(title);
        return p;
    }

    private static final com.fasterxml.jackson.databind.ObjectMapper JSON =
            new com.fasterxml.jackson.databind.ObjectMapper();

    /**
     * Writes a problem document straight to the response, for failures that happen before or outside a controller
     * (the filter chain, the error dispatch).
     */
    public static void write(jakarta.servlet.http.HttpServletResponse response, int status, String slug,
                             String title, String detail, String instance) throws java.io.IOException {
        java.util.Map<String, Object> body = new java.util.LinkedHashMap<>();
        body.put("type", type(slug).toString());
        body.put("title", title);
        body.put("status", status);
        body.put("detail", detail);
        body.put("instance", instance);
        response.setStatus(status);
        response.setContentType("application/problem+json");
        response.setCharacterEncoding("UTF-8");
        JSON.writeValue(response.getOutputStream(), body);
    }

    static ApiProblem notFound(String what) {
        return new ApiProblem(HttpStatus.NOT_FOUND, "not-found", "Not found", what);
    }

    static ApiProblem forbidden(String slug, String detail) {
        return new ApiProblem(HttpStatus.FORBIDDEN, slug, "Not allowed", detail);
    }

    static ApiProblem badRequest(String slug, String detail) {
        return new ApiProblem(HttpStatus.BAD_REQUEST, slug, "The request cannot be carried out as sent", detail);
    }
}
