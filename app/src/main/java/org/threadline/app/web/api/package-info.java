/**
 * The REST API for partner systems ({@code /api/v1/...}, docs/api.md): a person and their chronology for a declared
 * purpose, the alerts routed to the caller's agency, and loading a file against one of the agency's source
 * definitions. Callers authenticate with an API key of their agency ({@link org.threadline.app.apikeys}); every call
 * declares its purpose in headers, is decided by the same policy decision point as the pages
 * ({@link org.threadline.app.web.access.AccessPolicy}) and is written to the audit log before anything is returned.
 * Errors are RFC 9457 problem documents. The OpenAPI 3 document is generated from these controllers by springdoc and
 * served at {@code /api/v1/openapi.json}.
 */
package org.threadline.app.web.api;
