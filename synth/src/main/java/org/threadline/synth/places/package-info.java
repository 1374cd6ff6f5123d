/**
 * A fictional gazetteer of the West Midlands metropolitan county (Birmingham, Coventry, Dudley, Sandwell, Solihull,
 * Walsall, Wolverhampton). {@link org.threadline.synth.places.Gazetteer} derives each
 * {@link org.threadline.synth.places.Address} (UPRN, flat, house number, street, locality, post town, local authority,
 * postcode) from its address number and a seed alone, so generator threads need no shared state.
 *
 * <p>The postcode district table is approximate and the street names, tower blocks and inward codes are invented; any
 * match with a real address is coincidence. Resources: {@code postcode_districts.csv}, {@code street_stems.csv},
 * {@code street_types.csv}, {@code tower_blocks.csv}.
 */
package org.threadline.synth.places;
