package org.threadline.synth.places;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A synthetic residential address, with its fields separate and a formatter for the one-line form agencies store.
 *
 * @param addressNumber  the gazetteer's address number it was derived from
 * @param uprn           the Unique Property Reference Number: positive, 12 digits, unique per address number
 * @param subBuilding    "Flat 3" for a flat, otherwise empty
 * @param buildingName   the block's name for a flat in a tower block, otherwise empty
 * @param buildingNumber the house number on the street; empty for a named tower block
 * @param street         e.g. "Oak Road"
 * @param locality       the neighbourhood, e.g. "Erdington"
 * @param town           the post town, e.g. "Birmingham"
 * @param localAuthority the metropolitan borough
 * @param postcode       the full postcode in normal form, "B23 6TH"
 */
public record Address(long addressNumber, long uprn, Optional<String> subBuilding, Optional<String> buildingName,
                      OptionalInt buildingNumber, String street, String locality, String town, String localAuthority,
                      String postcode) {

    public Address {
        Objects.requireNonNull(subBuilding, "subBuilding");
        Objects.requireNonNull(buildingName, "buildingName");
        Objects.requireNonNull(buildingNumber, "buildingNumber");
        Objects.requireNonNull(street, "street");
        Objects.requireNonNull(locality, "locality");
        Objects.requireNonNull(town, "town");
        Objects.requireNonNull(localAuthority, "localAuthority");
        Objects.requireNonNull(postcode, "postcode");
    }

    /** The outward code, the part of the postcode before the space. */
    public String outwardCode() {
        return postcode.substring(0, postcode.indexOf(' '));
    }

    /** The postal lines, without the postcode: "Flat 3, 12 Oak Road" style first lines, then locality and town. */
    public List<String> lines() {
        List<String> lines = new ArrayList<>(4);
        String premises = buildingNumber.isPresent()
                ? buildingNumber.getAsInt() + " " + street
                : street;
        if (buildingName.isPresent()) {
            lines.add(subBuilding.map(s -> s + ", ").orElse("") + buildingName.get());
            lines.add(premises);
        } else {
            lines.add(subBuilding.map(s -> s + ", ").orElse("") + premises);
        }
        if (!locality.equals(town)) {
            lines.add(locality);
        }
        lines.add(town);
        return lines;
    }

    /** The whole address on one line, e.g. "Flat 3, 12 Oak Road, Erdington, Birmingham, B23 6TH". */
    public String singleLine() {
        return String.join(", ", lines()) + ", " + postcode;
    }
}
