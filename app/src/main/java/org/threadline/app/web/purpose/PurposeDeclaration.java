package org.threadline.app.web.purpose;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.threadline.app.web.accounts.Role;

/** Checks what a person entered on the purpose page: either a purpose to hold, or the errors to show by field. */
public final class PurposeDeclaration {
    /** Letters, digits, '/' and '-', 3 to 32 characters, as agencies' case systems number their cases. */
    static final Pattern CASE_REFERENCE = Pattern.compile("[A-Z0-9][A-Z0-9/-]{2,31}");

    /** The outcome: {@link Declared} or {@link Rejected}. */
    public sealed interface Outcome permits Declared, Rejected {
    }

    /** The purpose to hold in the session. */
    public record Declared(DeclaredPurpose purpose) implements Outcome {
    }

    /** Field name to the message shown beside it (in the order the fields appear). */
    public record Rejected(Map<String, String> errors) implements Outcome {
        public Rejected {
            errors = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(errors));
        }
    }

    private final PurposeCatalogue catalogue;

    public PurposeDeclaration(PurposeCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    public Outcome check(Set<Role> roles, String code, String caseReference, Instant now) {
        Map<String, String> errors = new LinkedHashMap<>();
        Optional<Purpose> purpose = Optional.ofNullable(code).flatMap(catalogue::find)
                .filter(p -> p.allowedFor(roles));
        if (purpose.isEmpty()) {
            // A code that is unknown or not allowed for these roles reads the same as none: the page only offers
            // allowed ones, so anything else came from a crafted request.
            errors.put("purpose", "Select why you are using Threadline");
        }
        String reference = caseReference == null ? "" : caseReference.strip().toUpperCase(Locale.ROOT);
        boolean needed = purpose.map(Purpose::caseReferenceRequired).orElse(false);
        if (needed && reference.isEmpty()) {
            errors.put("caseReference", "Enter the case reference for " + purpose.get().label().toLowerCase(Locale.ROOT));
        } else if (!reference.isEmpty() && !CASE_REFERENCE.matcher(reference).matches()) {
            errors.put("caseReference",
                    "Case reference must be 3 to 32 letters, numbers, slashes or hyphens, like MASH-2026-0412");
        }
        if (!errors.isEmpty()) {
            return new Rejected(errors);
        }
        Purpose p = purpose.orElseThrow();
        return new Declared(new DeclaredPurpose(p.code(), p.label(), reference.isEmpty() ? null : reference, now));
    }
}
