package org.threadline.app.web.accounts;

/**
 * What a person does, which decides the purposes they may declare (and, with governance, what they may see).
 */
public enum Role {
    SAFEGUARDING_OFFICER("Safeguarding officer"),
    DESIGNATED_SAFEGUARDING_LEAD("Designated safeguarding lead"),
    SOCIAL_WORKER("Social worker"),
    ANALYST("Analyst"),
    DATA_PROTECTION_OFFICER("Data protection officer"),
    PARTNER_DATA_OWNER("Partner data owner"),
    /**
     * Children's social care's out-of-hours emergency duty team. The agreements share with the MASH roles in hours;
     * out of hours this role sees its own agency's records and may break glass for one child (ADR 0018).
     */
    EMERGENCY_DUTY_SOCIAL_WORKER("Emergency duty (out-of-hours) social worker");

    private final String label;

    Role(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The Spring Security authority name for the role. */
    public String authority() {
        return "ROLE_" + name();
    }
}
