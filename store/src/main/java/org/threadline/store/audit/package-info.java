/**
 * The tamper-evident audit log in PostgreSQL (migration V3): {@link org.threadline.store.audit.AuditStore} appends
 * events in the caller's transaction (so a release and its audit entry commit or roll back together) and signs
 * checkpoints; {@link org.threadline.store.audit.AuditRetention} removes payloads past their retention through the
 * one narrow path the triggers allow; {@link org.threadline.store.audit.AuditLogVerification} reads the whole log
 * back into the domain's {@code LogVerifier}. The hashing, proofs and verdicts live in
 * {@code org.threadline.domain.governance.audit}.
 */
package org.threadline.store.audit;
