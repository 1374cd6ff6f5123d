/**
 * Break-glass (issue #7, ADR 0018): asking for emergency access to one person's records, the grant that lets the
 * policy decision point release them for a limited time, and its notifications and review.
 */
package org.threadline.app.web.breakglass;
