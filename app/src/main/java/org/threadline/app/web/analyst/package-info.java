/**
 * The analyst's journey: how many people meet chosen indicators in each postcode area or district, as counts and
 * rates with small numbers suppressed and every shown count rounded, drawn as a bar chart and a tile-grid map of
 * the areas. Aggregates only: no name, id or record reaches the page. Open to an analyst who declared the service
 * evaluation purpose, and only while an agreement releases counts ({@code SERVICE_EVALUATION.AGGREGATE}) to their
 * agency and role, as the policy decision point decides; every view and every refusal is audited (ADR 0019).
 */
package org.threadline.app.web.analyst;
