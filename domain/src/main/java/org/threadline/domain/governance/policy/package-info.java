/**
 * The policy decision point: one pure, deterministic function from an {@link
 * org.threadline.domain.governance.policy.AccessRequest} to a {@link org.threadline.domain.governance.policy.Decision},
 * decided by the agreements in force. Deny by default; a forbid rule overrides every permit, break-glass included;
 * any error or missing input denies. A permit names the fields that may be released and the obligations the caller
 * must discharge (audit, record a reason, notify, open a review task); a deny names its reason codes. The
 * permission matrix and the agreement diff are computed by the same decision point, so what partners review is what
 * is enforced. See docs/governance.md.
 */
package org.threadline.domain.governance.policy;
