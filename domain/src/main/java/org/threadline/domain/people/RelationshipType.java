package org.threadline.domain.people;

/**
 * The kinds of tie between two people. Directed types read "from is PARENT_OF to"; the symmetric ones hold both
 * ways and are stored once, with the smaller person id first.
 */
public enum RelationshipType {
    PARENT_OF(false),
    SIBLING_OF(true),
    PARTNER_OF(true),
    EX_PARTNER_OF(true),
    CARER_OF(false),
    HOUSEHOLD_MEMBER_WITH(true);

    private final boolean symmetric;

    RelationshipType(boolean symmetric) {
        this.symmetric = symmetric;
    }

    public boolean symmetric() {
        return symmetric;
    }
}
