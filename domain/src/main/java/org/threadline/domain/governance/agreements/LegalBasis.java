package org.threadline.domain.governance.agreements;

import java.util.Objects;
import java.util.Optional;

/**
 * The lawful basis one recipient relies on for one purpose. Which parts must be present depends on the recipient's
 * regime and on the data: Article 6 for every UK GDPR recipient, Article 9 with a DPA 2018 Schedule 1 condition for
 * special category data, an Article 10 condition for criminal-offence data, and a Part 3 basis for law enforcement
 * recipients. The texts are the partners' legal advisers' to write; the linter checks only that they are there.
 */
public record LegalBasis(Optional<String> art6, Optional<String> art9, Optional<String> dpa2018Sch1,
                         Optional<String> art10, Optional<String> part3) {
    public LegalBasis {
        Objects.requireNonNull(art6, "art6");
        Objects.requireNonNull(art9, "art9");
        Objects.requireNonNull(dpa2018Sch1, "dpa2018Sch1");
        Objects.requireNonNull(art10, "art10");
        Objects.requireNonNull(part3, "part3");
    }
}
