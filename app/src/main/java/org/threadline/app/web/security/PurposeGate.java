package org.threadline.app.web.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.springframework.stereotype.Component;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.threadline.app.web.purpose.DeclaredPurpose;

/**
 * Sends anyone without a declared purpose to {@code /purpose} before any handler that is not marked
 * {@link WithoutPurpose}. Runs after Spring Security, so the person is signed in (or the page is public).
 */
@Component
public class PurposeGate implements HandlerInterceptor {

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
            throws Exception {
        if (!(handler instanceof HandlerMethod method) || exempt(method)) {
            return true;
        }
        HttpSession session = request.getSession(false);
        if (session != null && session.getAttribute(DeclaredPurpose.SESSION_ATTRIBUTE) != null) {
            return true;
        }
        response.sendRedirect(request.getContextPath() + "/purpose");
        return false;
    }

    /** Whether the handler may run without a declared purpose. */
    public static boolean exempt(HandlerMethod method) {
        return method.hasMethodAnnotation(WithoutPurpose.class)
                || method.getBeanType().isAnnotationPresent(WithoutPurpose.class);
    }
}
