/**
 * Loading one partner file the way every entry point does ({@code ./threadline ingest}, the REST API's upload and the
 * partner upload page): the intake loader on the installation's database and landed folder, the file's
 * data-quality scorecard written beside the others, and the quarantined rows read back with their reasons. No Spring,
 * so that the command line shares it.
 */
package org.threadline.app.intake;
