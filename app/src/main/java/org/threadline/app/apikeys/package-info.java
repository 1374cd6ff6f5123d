/**
 * API keys of partner systems (table {@code api_key}, migration V10): made and revoked by
 * {@code ./threadline api-keys}, checked by the web application's REST API. Plain JDBC and no Spring, so that the
 * command line can use it without starting the web application. A key is shown once; only the SHA-256 of its secret
 * part is stored.
 */
package org.threadline.app.apikeys;
