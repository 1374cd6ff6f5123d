/**
 * The information-governance pages, for a data protection officer who declared the oversight purpose: the
 * agreements and their state and signatures, each agreement's permission matrix (decided by the policy decision
 * point itself), the diff between two versions, the audit log with the verifier's answer and the latest signed
 * checkpoint, and the break-glass uses to review. Every page, and every refusal to show one, is audited.
 */
package org.threadline.app.web.governance;
