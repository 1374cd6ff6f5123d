package org.threadline.synth.names;

/**
 * The naming traditions present in the synthetic West Midlands population. A heritage decides which name lists a person's
 * names come from and which conventions apply (Sikh Singh/Kaur, the Muhammad prefix, Begum/Bibi, gendered Polish
 * surnames, patronymic surnames, family name first). How common each heritage is per local authority lives in
 * {@code heritage_by_local_authority.csv}.
 *
 * <p>Each heritage carries the DfE ethnicity code a school or council would most likely record for it. Several heritages
 * share a code (Sikh, Hindu and Muslim Indians are all {@code AIND}) because the code records ethnicity, not naming.
 * Folded in, for want of separate lists: other White backgrounds into {@link #EASTERN_EUROPEAN}; Afghan, Kurdish and
 * Yemeni into {@link #ARAB}; Black Other into {@link #BLACK_CARIBBEAN}; White and Black African into {@link #MIXED_OTHER}.
 * Gypsy/Roma and Irish Traveller families are not yet modelled.
 */
public enum Heritage {
    WHITE_BRITISH("WBRI", "White British"),
    IRISH("WIRI", "White Irish"),
    EASTERN_EUROPEAN("WOTH", "Polish, Romanian, Lithuanian and other White"),
    PAKISTANI("APKN", "Pakistani (mostly Mirpuri/Punjabi Muslim)"),
    BANGLADESHI("ABAN", "Bangladeshi (mostly Sylheti Muslim)"),
    INDIAN_SIKH("AIND", "Indian, Punjabi Sikh"),
    INDIAN_HINDU("AIND", "Indian, Gujarati and Punjabi Hindu"),
    INDIAN_MUSLIM("AIND", "Indian, Gujarati Muslim"),
    TAMIL("AOTH", "Sri Lankan and Indian Tamil"),
    CHINESE("CHNE", "Chinese (Hong Kong and mainland)"),
    ARAB("OOTH", "Arab (Yemeni and others), Kurdish, Afghan"),
    BLACK_CARIBBEAN("BCRB", "Black Caribbean"),
    WEST_AFRICAN("BAFR", "Black African: Nigerian and Ghanaian"),
    SOMALI("BAFR", "Black African: Somali"),
    MIXED_WHITE_BLACK_CARIBBEAN("MWBC", "Mixed White and Black Caribbean"),
    MIXED_WHITE_ASIAN("MWAS", "Mixed White and Asian"),
    MIXED_OTHER("MOTH", "Other Mixed, including White and Black African");

    private final String dfeEthnicityCode;
    private final String description;

    Heritage(String dfeEthnicityCode, String description) {
        this.dfeEthnicityCode = dfeEthnicityCode;
        this.description = description;
    }

    /** The DfE ethnicity code (dfe_ethnicity_codes.csv) a school or council would most likely record. */
    public String dfeEthnicityCode() {
        return dfeEthnicityCode;
    }

    public String description() {
        return description;
    }

    /** True where the family name is written first (Chinese), so an extract may swap forename and surname. */
    public boolean familyNameFirst() {
        return this == CHINESE;
    }

    /** True where Muslim naming applies: the honorific Muhammad prefix for some boys. */
    public boolean muslimNaming() {
        return switch (this) {
            case PAKISTANI, BANGLADESHI, INDIAN_MUSLIM, ARAB, SOMALI -> true;
            default -> false;
        };
    }

    /** True where Singh (male) and Kaur (female) are given as religious names. */
    public boolean sikhNaming() {
        return this == INDIAN_SIKH;
    }

    /** True where surnames have a feminine form (Polish -ski becomes -ska). */
    public boolean genderedSurnames() {
        return this == EASTERN_EUROPEAN;
    }

    /**
     * True where there is traditionally no family name and the surname on UK records is a father's (Somali: grandfather's)
     * given name: Somali and Tamil.
     */
    public boolean patronymicSurname() {
        return this == SOMALI || this == TAMIL;
    }

    /**
     * True where British conventions around surnames are usual: double-barrelled and hyphenated surnames, children of
     * unmarried parents taking either or both names, and women commonly taking a husband's surname.
     */
    public boolean britishSurnameConventions() {
        return switch (this) {
            case WHITE_BRITISH, IRISH, BLACK_CARIBBEAN, MIXED_WHITE_BLACK_CARIBBEAN, MIXED_WHITE_ASIAN, MIXED_OTHER -> true;
            default -> false;
        };
    }

    /** Where this heritage's forenames come from: its own list, or for mixed heritages a blend of two. */
    NameSource forenameSource() {
        return switch (this) {
            case INDIAN_MUSLIM -> NameSource.of(PAKISTANI);
            case MIXED_WHITE_BLACK_CARIBBEAN -> new NameSource(WHITE_BRITISH, BLACK_CARIBBEAN, 0.5);
            case MIXED_WHITE_ASIAN -> new NameSource(WHITE_BRITISH, INDIAN_HINDU, 0.3);
            case MIXED_OTHER -> new NameSource(WHITE_BRITISH, WEST_AFRICAN, 0.4);
            default -> NameSource.of(this);
        };
    }

    /** Where this heritage's surnames come from: its own list, or for mixed heritages a blend of two. */
    NameSource surnameSource() {
        return switch (this) {
            case MIXED_WHITE_BLACK_CARIBBEAN -> new NameSource(WHITE_BRITISH, BLACK_CARIBBEAN, 0.35);
            case MIXED_WHITE_ASIAN -> new NameSource(WHITE_BRITISH, INDIAN_HINDU, 0.5);
            case MIXED_OTHER -> new NameSource(WHITE_BRITISH, WEST_AFRICAN, 0.4);
            default -> NameSource.of(this);
        };
    }
}
