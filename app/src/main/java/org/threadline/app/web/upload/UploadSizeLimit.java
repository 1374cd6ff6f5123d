package org.threadline.app.web.upload;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.filter.OncePerRequestFilter;
import org.threadline.app.web.api.ApiProblem;

/**
 * Refuses an upload whose declared length is over the limit before anything reads it. Without this, the servlet
 * container refuses the body while Spring Security's CSRF check is reading the form for its token, and the page says
 * "You cannot do that" instead of "the file is too large"; the API's clients would get a closed connection. The API
 * gets a problem document; the page is sent back to the form (303), which says the file is too large. (Not the error
 * page: its dispatch would keep the multipart POST, and parsing it would fail again.)
 */
public final class UploadSizeLimit extends OncePerRequestFilter {
    /** Session attribute the upload form reads (once) to say the last file was too large. */
    public static final String TOO_LARGE = UploadSizeLimit.class.getName() + ".tooLarge";

    private final long maxBytes;

    public UploadSizeLimit(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getContentLengthLong() <= maxBytes) {
            chain.doFilter(request, response);
            return;
        }
        String detail = "The upload is larger than this installation accepts (" + maxBytes / (1024 * 1024)
                + " MB). Split the file, or ask for the limit (spring.servlet.multipart.max-request-size) to be"
                + " raised.";
        if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
            ApiProblem.write(response, HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE, "file-too-large",
                    "The file is too large", detail, request.getRequestURI());
        } else {
            jakarta.servlet.http.HttpSession session = request.getSession(false);
            if (session != null) {
                session.setAttribute(TOO_LARGE, maxBytes);
            }
            response.setStatus(HttpServletResponse.SC_SEE_OTHER);
            response.setHeader("Location", request.getContextPath() + "/upload");
        }
    }
}
