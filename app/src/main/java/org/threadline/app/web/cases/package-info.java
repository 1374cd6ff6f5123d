/**
 * The case register as the web app and the command line manage it (ADR 0027): who may open, link, unlink and close
 * cases ({@code config/governance/cases.yaml}), the service that does it with an audit entry in the same transaction,
 * the pages ({@code /cases}), and the mode setting that keeps the declared stop-gap for deployments with no case
 * system yet.
 */
package org.threadline.app.web.cases;
