package org.threadline.synth.population;

/**
 * The offences the simulation commits, with their Home Office offence codes (from
 * {@code shared/domain/codes/ho_offence_classifications.csv}, CONFIRMED rows; 8U is UNCONFIRMED there and used only
 * for controlling or coercive behaviour).
 */
public enum Offence {
    SHOPLIFTING("46", "Shoplifting", false),
    CRIMINAL_DAMAGE("58A", "Criminal damage to a dwelling", false),
    ASSAULT_WITHOUT_INJURY("105A", "Assault without injury", true),
    ASSAULT_WITH_INJURY("8N", "Assault with injury", true),
    DRUG_POSSESSION("92E", "Possession of controlled drugs (cannabis)", false),
    DRUG_TRAFFICKING("92A", "Trafficking in controlled drugs", false),
    BLADE_POSSESSION("10D", "Possession of article with blade or point", false),
    RESIDENTIAL_BURGLARY("28E", "Burglary residential", false),
    ROBBERY("34B", "Robbery of personal property", true),
    SERIOUS_WOUNDING("5D", "Assault with intent to cause serious harm", true),
    HARASSMENT("8L", "Harassment", true),
    COERCIVE_CONTROL("8U", "Controlling or coercive behaviour", true),
    THREATS_TO_KILL("3B", "Threats to kill", true);

    private final String homeOfficeCode;
    private final String description;
    private final boolean againstPerson;

    Offence(String homeOfficeCode, String description, boolean againstPerson) {
        this.homeOfficeCode = homeOfficeCode;
        this.description = description;
        this.againstPerson = againstPerson;
    }

    public String homeOfficeCode() {
        return homeOfficeCode;
    }

    public String description() {
        return description;
    }

    public boolean againstPerson() {
        return againstPerson;
    }

    /** Offences recorded for a domestic abuse incident, most to least common. */
    static final Offence[] DOMESTIC = {ASSAULT_WITHOUT_INJURY, ASSAULT_WITH_INJURY, HARASSMENT, COERCIVE_CONTROL,
        CRIMINAL_DAMAGE, THREATS_TO_KILL};
    static final double[] DOMESTIC_WEIGHTS = {0.38, 0.25, 0.14, 0.1, 0.1, 0.03};
}
