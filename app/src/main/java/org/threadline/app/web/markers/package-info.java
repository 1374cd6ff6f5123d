/**
 * Markers on people that the agreements' forbid rules act on (ADR 0035): the service that sets and removes them for a
 * data protection officer, with a reason and an audit entry in the same transaction, the same for the command line
 * ({@code ./threadline markers}) as for anything else.
 */
package org.threadline.app.web.markers;
