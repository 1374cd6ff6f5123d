package org.threadline.intake.standardise;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Year;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;

class FieldStandardisersTest {
    private static final AddressStandardiser ADDRESSES = new AddressStandardiser();
    private static final IdentifierStandardiser IDENTIFIERS = new IdentifierStandardiser(Year.of(2026));
    private static final CodeStandardiser CODES = new CodeStandardiser();
    private static final ContactStandardiser CONTACTS = new ContactStandardiser();

    @ParameterizedTest(name = "{0} ''{1}'' -> ''{2}'' {3}")
    @CsvFileSource(resources = "fields.csv", numLinesToSkip = 1, ignoreLeadingAndTrailingWhitespace = false)
    void fields_are_standardised_as_the_table_says(String kind, String raw, String value, Outcome outcome) {
        String expected = value == null ? "" : value;
        if (kind.equals("postcode")) {
            StandardisedPostcode p = ADDRESSES.postcode(raw);
            assertThat(String.join("|", p.postcode(), p.sector(), p.district(), p.area())).isEqualTo(expected);
            assertThat(p.outcome()).as(p.reason()).isEqualTo(outcome);
            return;
        }
        StandardisedValue v = switch (kind) {
            case "uprn" -> ADDRESSES.uprn(raw);
            case "line" -> ADDRESSES.line(raw);
            case "nhs" -> IDENTIFIERS.nhsNumber(raw);
            case "upn" -> IDENTIFIERS.upn(raw);
            case "pnc" -> IDENTIFIERS.pncId(raw);
            case "ni" -> IDENTIFIERS.niNumber(raw);
            case "sex" -> CODES.sex(raw);
            case "ethnicity" -> CODES.ethnicity(raw);
            case "phone" -> CONTACTS.phone(raw);
            case "email" -> CONTACTS.email(raw);
            default -> throw new IllegalArgumentException(kind);
        };
        assertThat(v.value()).isEqualTo(expected);
        assertThat(v.outcome()).as(v.reason()).isEqualTo(outcome);
        assertThat(v.raw()).isEqualTo(raw);
        if (outcome != Outcome.OK) {
            assertThat(v.reason()).isNotBlank();
        }
    }
}
