/**
 * OpenID Connect (ADR 0021): people signing in through their organisation's provider, and partner systems calling
 * the API with the provider's access tokens (client-credentials grant) instead of API keys. Both are off unless
 * configured ({@link org.threadline.app.web.oidc.OidcSettings}); both map the provider's claims to an agency and a role,
 * deny by default, and leave everything after sign-in (the declared purpose, the policy decision point, the audit log)
 * exactly as it is for local accounts and API keys.
 */
package org.threadline.app.web.oidc;
