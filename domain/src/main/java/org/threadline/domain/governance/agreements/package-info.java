/**
 * Information sharing agreements (ISAs) as versioned, signed data: parties and their roles, a purpose hierarchy with
 * prohibited purposes, the legal basis of each recipient for each purpose, data items with the fields each recipient
 * may receive for each purpose, retention, validity and review dates, break-glass rules and Ed25519 signatures over a
 * canonical form. {@link org.threadline.domain.governance.agreements.Agreements} reads and lints a document and
 * reports every defect at once with its YAML path; {@link org.threadline.domain.governance.agreements.AgreementRegistry}
 * answers whether a live agreement covers a feed. The policy decision point that enforces the agreements lives in
 * {@code org.threadline.domain.governance.policy}. See docs/governance.md.
 */
package org.threadline.domain.governance.agreements;
