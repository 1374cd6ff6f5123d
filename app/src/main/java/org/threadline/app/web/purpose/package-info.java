/**
 * The purpose a person declares after signing in and before any page that may show personal data: chosen from a
 * versioned list ({@code web/purposes.yaml}) of the purposes their roles allow, with a case reference where the
 * purpose needs one. It is held in the session, shown on every page with a link to change it, and every handler
 * needs it unless marked {@link org.threadline.app.web.security.WithoutPurpose}.
 */
package org.threadline.app.web.purpose;
