/**
 * The multi-agency chronology: one timeline per person and per family, built from every agency's events.
 * An event is a fact with its date precision, the agency that recorded it, the person's role in it and the source
 * rows it came from; the indicator engine reads the same events, so a flag can always point at its evidence.
 */
package org.threadline.domain.chronology;
