/**
 * Wires every module: the {@code ./threadline} command line now, the web application and API later.
 */
package org.threadline.app;
