package org.threadline.domain.governance.agreements;

/**
 * One defect in an agreement.
 *
 * @param origin the file (or {@code <string>}) the agreement came from
 * @param path   where in the YAML, e.g. {@code dataItems[2].grants[0].purposes[1]}; empty for the whole document
 */
public record AgreementProblem(String origin, String path, String message) {
    @Override
    public String toString() {
        return origin + ": " + (path.isEmpty() ? "" : path + ": ") + message;
    }
}
