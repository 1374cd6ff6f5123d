/**
 * The {@code ./threadline} command line: one picocli command per capability. Exit codes are a contract:
 * 0 success, 1 failure (a message a person understands; the stack trace only with {@code --verbose}),
 * 2 usage error.
 */
package org.threadline.app.cli;
