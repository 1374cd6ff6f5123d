/**
 * The audit log's files outside the database: the checkpoint signing key pair and the checkpoint the last
 * successful verification saw. Both live under THREADLINE_HOME, away from the database they vouch for: a key or a
 * remembered checkpoint kept in the audited database would prove nothing to someone who can rewrite it.
 */
package org.threadline.app.audit;
