/**
 * The alerts inbox of an agency: the alerts the rule engine routed to the signed-in person's agency (never another
 * agency's), new, overdue, acknowledged, decided and closed, each with its indicator, the person, and the evidence
 * events the policy decision point lets the recipient see; and the lifecycle's steps (acknowledge, record a
 * decision with its reason, close), each stored append-only with who took it and when, and audited.
 */
package org.threadline.app.web.alerts;
