package org.threadline.app.web.cases;

import java.util.Locale;
import java.util.Map;

/**
 * Where the decision point's case register comes from (ADR 0027): {@code stored}, the case register in the database
 * (the default), or {@code declared}, for a deployment with no case system yet, where any well-formed case reference
 * a person declares is taken as open and linked to whoever they look at (the pages say so, and every view records
 * the reference). Set with {@code threadline.cases.register} (environment {@code THREADLINE_CASE_REGISTER}).
 *
 * @param declared whether declared case references are taken on trust
 */
public record CaseRegisterMode(boolean declared) {
    public static final String PROPERTY = "threadline.cases.register";
    public static final String VARIABLE = "THREADLINE_CASE_REGISTER";

    /** {@code stored} (or nothing) or {@code declared}; anything else is a mistake named in the message. */
    public static CaseRegisterMode of(String value) {
        String v = value == null ? "" : value.strip().toLowerCase(Locale.ROOT);
        return switch (v) {
            case "", "stored" -> new CaseRegisterMode(false);
            case "declared" -> new CaseRegisterMode(true);
            default -> throw new IllegalArgumentException(PROPERTY + " (" + VARIABLE + ") must be 'stored' or"
                    + " 'declared', not '" + value + "'");
        };
    }

    /** The mode the environment names (the command line's way to the same setting). */
    public static CaseRegisterMode fromEnvironment(Map<String, String> environment) {
        return of(environment.get(VARIABLE));
    }
}
