/**
 * Who may reach what. Three levels, deny by default: a few public pages (sign-in, signed-out, session-expired,
 * the error page, static assets); pages for anyone signed in ({@link org.threadline.app.web.security.WithoutPurpose},
 * e.g. declaring a purpose); and everything else, which also needs a declared purpose. Also: CSRF, the security
 * headers, lockout on repeated failures and the idle timeout.
 */
package org.threadline.app.web.security;
