package org.threadline.intake.source;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The canonical fields a source column can map to: our vocabulary, independent of any agency's headers. Each field
 * says which standardiser later reads it and which column options it accepts. The YAML spelling is the lower-case
 * {@link #yamlName()} ({@code date_of_birth}).
 */
public enum CanonicalField {
    /** The row's own key in the source (occurrence ref, contact id); several such columns form a composite key. */
    RECORD_KEY(Kind.KEY),
    /** The source's own identifier for the person (police nominal id, LA child id, CRN, client ref). */
    PERSON_KEY(Kind.KEY),
    /** The first given name only. */
    FORENAME(Kind.NAME),
    /** All given names in one cell ("JOHN PAUL"). */
    FORENAMES(Kind.NAME),
    /** Given names after the first. */
    MIDDLE_NAMES(Kind.NAME),
    /** Family name. */
    SURNAME(Kind.NAME),
    /** A whole name in one cell ("SMITH, John" or "John Smith"), split by the name standardiser. */
    FULL_NAME(Kind.NAME),
    /** Date of birth; needs {@code dates}. */
    DATE_OF_BIRTH(Kind.DATE),
    /** Sex or gender as recorded; {@code codes} map the source's values to M, F or U (not known). */
    SEX(Kind.CODED),
    /** Ethnicity; {@code codes} map to DfE codes. Special-category data: must say {@code special_category: true}. */
    ETHNICITY(Kind.CODED),
    /** NHS number (mod-11 check digit). */
    NHS_NUMBER(Kind.IDENTIFIER),
    /** Unique Pupil Number (check letter). */
    UPN(Kind.IDENTIFIER),
    /** Police National Computer id (check letter). */
    PNC_ID(Kind.IDENTIFIER),
    /** National Insurance number (format only). */
    NI_NUMBER(Kind.IDENTIFIER),
    /** An address line or a whole address in one cell; several columns are joined in order. */
    ADDRESS_LINE(Kind.ADDRESS),
    /** A UK postcode. */
    POSTCODE(Kind.ADDRESS),
    /** Unique Property Reference Number. */
    UPRN(Kind.ADDRESS),
    /** A telephone number. */
    PHONE(Kind.CONTACT),
    /** An email address. */
    EMAIL(Kind.CONTACT),
    /** The date the row's event happened; needs {@code dates}. */
    EVENT_DATE(Kind.DATE),
    /** The date and time the row's event happened; needs {@code dates}. */
    EVENT_DATETIME(Kind.DATE),
    /** What kind of event the row records (offence code, contact type); may take {@code codes}. */
    EVENT_TYPE(Kind.CODED),
    /** The person's part in the event (victim, suspect, child present); may take {@code codes}. */
    ROLE(Kind.CODED),
    /**
     * Anything else, kept under its source header: may take {@code dates} (then read as a date), {@code codes}, or be
     * {@code free_text}.
     */
    ATTRIBUTE(Kind.ATTRIBUTE);

    /** The families of fields, which decide the options a column may use. */
    enum Kind { KEY, NAME, DATE, CODED, IDENTIFIER, ADDRESS, CONTACT, ATTRIBUTE }

    private final Kind kind;

    CanonicalField(Kind kind) {
        this.kind = kind;
    }

    /** The spelling used in YAML: {@code date_of_birth}. */
    public String yamlName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** The field for a YAML spelling, exactly as written (lower case). */
    public static Optional<CanonicalField> fromYaml(String name) {
        return Arrays.stream(values()).filter(f -> f.yamlName().equals(name)).findFirst();
    }

    /** Every YAML spelling, in declaration order. */
    public static List<String> yamlNames() {
        return Arrays.stream(values()).map(CanonicalField::yamlName).toList();
    }

    /** Whether the field is an identifier with a check algorithm (NHS number, UPN, PNC ID, NI number). */
    public boolean isIdentifier() {
        return kind == Kind.IDENTIFIER;
    }

    /** Whether the field is a date and so must list its formats. */
    public boolean isDate() {
        return kind == Kind.DATE;
    }

    /** Whether the column may list {@code dates} (date fields, and attributes holding dates). */
    public boolean acceptsDates() {
        return kind == Kind.DATE || kind == Kind.ATTRIBUTE;
    }

    /** Whether the column may map source codes to our vocabulary. */
    public boolean acceptsCodes() {
        return kind == Kind.CODED || kind == Kind.ATTRIBUTE;
    }

    /** Whether the field is a name part. */
    public boolean isName() {
        return kind == Kind.NAME;
    }

    /** Whether the field describes a person (and so may say which person, when a row describes several). */
    public boolean describesPerson() {
        return this == PERSON_KEY || this == DATE_OF_BIRTH || this == SEX || this == ETHNICITY || kind == Kind.NAME
                || kind == Kind.IDENTIFIER || kind == Kind.ADDRESS || kind == Kind.CONTACT;
    }

    /**
     * Whether at most one column may hold this field for each person in a row (one surname, one NHS number). Address
     * lines, postcodes, phones and emails may repeat.
     */
    public boolean onePerPerson() {
        return describesPerson() && kind != Kind.ADDRESS && kind != Kind.CONTACT;
    }

    /** Whether at most one column may hold this field in a definition (the event's date, type and role). */
    public boolean onePerRow() {
        return this == EVENT_DATE || this == EVENT_DATETIME || this == EVENT_TYPE || this == ROLE;
    }
}
