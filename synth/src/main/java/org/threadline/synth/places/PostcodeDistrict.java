package org.threadline.synth.places;

/**
 * One row of the gazetteer's district table: a postcode district (outward code) within one local authority. A district
 * that straddles an authority boundary (B36, CV7, WS10, WV14 ...) has one row per authority.
 *
 * @param outward        the outward code, e.g. "B23"
 * @param postTown       the post town printed on the address, e.g. "Birmingham", "Sutton Coldfield"
 * @param locality       the neighbourhood, e.g. "Erdington"
 * @param localAuthority one of the seven metropolitan boroughs
 * @param weight         relative number of residents (approximate)
 */
public record PostcodeDistrict(String outward, String postTown, String locality, String localAuthority, double weight) {
}
