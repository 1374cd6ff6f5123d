/**
 * The tamper-evident audit log, free of any database: what an audit event says ({@link
 * org.threadline.domain.governance.audit.AuditEvent}), its canonical encoding and salted payload commitment, the
 * leaf that commits to that hash (so the payload can be removed at the end of its retention without breaking any
 * proof), an append-only Merkle tree in the style of RFC 9162 with inclusion and consistency proofs, Ed25519-signed
 * checkpoints, and the verifier that replays a stored log and names the first entry that is wrong.
 *
 * <p>The store module keeps the entries in PostgreSQL and feeds them to {@link
 * org.threadline.domain.governance.audit.LogVerifier}; everything that decides whether a log is intact lives here so
 * that partners can run the same checks on an export.
 */
package org.threadline.domain.governance.audit;
