package org.threadline.domain.governance.agreements;

/** Where an agreement is in its life. Only {@link #ACTIVE} agreements allow sharing. */
public enum AgreementStatus {
    DRAFT, ACTIVE, SUSPENDED, EXPIRED, TERMINATED;

    public String yamlName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
