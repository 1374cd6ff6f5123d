package org.threadline.domain.people;

/** Sex as recorded by the sources (the standardised code), or unknown. */
public enum Sex {
    F, M, UNKNOWN;

    public static Sex of(String code) {
        return switch (code == null ? "" : code.strip()) {
            case "F" -> F;
            case "M" -> M;
            default -> UNKNOWN;
        };
    }
}
