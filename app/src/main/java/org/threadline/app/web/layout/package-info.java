/**
 * What every page shows (the signed-in person, their declared purpose with a link to change it) and the one
 * error page, which says what kind of problem happened and nothing else.
 */
package org.threadline.app.web.layout;
