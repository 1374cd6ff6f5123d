/**
 * Partner uploads: a partner's data owner loads a spreadsheet or CSV against one of their agency's own source
 * definitions, sees the load's result and its data-quality scorecard, and downloads the rejected rows with their
 * reasons. The page ({@code /upload}) and the REST API ({@code /api/v1/sources/...}) share {@link
 * org.threadline.app.web.upload.PartnerUploads}, which loads through the same path as {@code ./threadline ingest}
 * ({@link org.threadline.app.intake.PartnerLoads}) and audits every load and every export.
 */
package org.threadline.app.web.upload;
