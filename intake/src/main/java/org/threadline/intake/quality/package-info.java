/**
 * Data-quality scorecards: what a load found in a partner's file, field by field (completeness, validity and the
 * commonest reasons), with likely duplicate registrations, date anomalies and drift against the previous load of the
 * same feed — written as JSON for the web app and as an HTML page that can be sent back to the partner.
 */
package org.threadline.intake.quality;
