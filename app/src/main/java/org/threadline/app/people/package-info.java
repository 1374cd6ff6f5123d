/**
 * The people build: links every agency's ingested person records into persons with stable ids (under human review
 * decisions), attaches every event to them as a chronology, and infers households and relationships.
 */
package org.threadline.app.people;
