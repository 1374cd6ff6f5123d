package org.threadline.app.web.layout;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.RequestMapping;
import org.threadline.app.web.api.ApiDocument;
import org.threadline.app.web.api.ApiProblem;
import org.threadline.app.web.security.WithoutPurpose;

/**
 * The one error page. It says which kind of problem it was and what to do, never the exception, the path, the
 * parameters or a stack trace (those go to the log only).
 */
@Controller
@WithoutPurpose
public class ErrorPage implements ErrorController {

    @RequestMapping("/error")
    public String error(HttpServletRequest request, HttpServletResponse response, Model model)
            throws java.io.IOException {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = code instanceof Integer i ? i : HttpServletResponse.SC_NOT_FOUND;
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        if (uri instanceof String u && u.startsWith("/api/")) {
            // A partner system gets a problem document (RFC 9457), not a page: what failed before the API's own
            // handlers could answer (no such path, a body the endpoint does not take).
            ApiProblem.write(response, status, status == 404 ? "not-found" : status == 413 ? "file-too-large"
                    : status >= 500 ? "service-problem" : "bad-request", status == 404 ? "Not found" : status >= 500
                    ? "Sorry, there is a problem with the service" : "The request cannot be carried out as sent",
                    status == 404 ? "No such API path: docs/api.md and " + ApiDocument.PATH + " list them."
                    : status == 413 ? "The request is larger than this installation accepts (25 MB unless"
                    + " spring.servlet.multipart.max-file-size says otherwise)."
                    : status == 415 ? "This endpoint does not take that content type (see " + ApiDocument.PATH + ")."
                    : status >= 500 ? "The call was not carried out and nothing was released." : "Check the"
                    + " method, headers and body against " + ApiDocument.PATH + ".", u);
            return null;
        }
        response.setStatus(status);
        model.addAttribute("status", status);
        model.addAttribute("problem", switch (status) {
            case 400 -> "There is a problem with your request";
            case 403 -> "You cannot do that";
            case 404 -> "Page not found";
            case 405 -> "You cannot do that";
            default -> status >= 500 ? "Sorry, there is a problem with the service" : "There is a problem";
        });
        model.addAttribute("advice", switch (status) {
            case 403 -> "Your session may have ended, or the form was out of date. Go back, reload the page and try"
                    + " again.";
            case 404 -> "If you typed the web address, check it is correct.";
            default -> status >= 500 ? "Try again later. The problem has been logged." : "Go back and try again.";
        });
        return "error";
    }
}
