package org.threadline.app.web.accounts;

/** The partner agencies whose staff sign in. */
public enum Agency {
    POLICE("Police"),
    HEALTH("Health"),
    SCHOOLS("Schools"),
    CHILDRENS_SOCIAL_CARE("Children's social care"),
    ADULT_SOCIAL_CARE("Adult social care"),
    HOUSING("Housing"),
    PROBATION("Probation"),
    YOUTH_JUSTICE("Youth justice"),
    LOCAL_AUTHORITY("Local authority");

    private final String label;

    Agency(String label) {
        this.label = label;
    }

    /** How the agency is named on a page. */
    public String label() {
        return label;
    }
}
