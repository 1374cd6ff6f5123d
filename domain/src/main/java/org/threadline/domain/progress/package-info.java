/**
 * How long-running work (generate, ingest, link, indicators) reports how far it has got, without knowing who is
 * watching: the command line draws a bar on a terminal and plain lines in logs; tests pass {@link Progress#NONE}.
 */
package org.threadline.domain.progress;
