package org.threadline.domain.governance.agreements;

import java.util.ArrayList;
import java.util.List;

/** Collects every defect found in one document so they are reported together (STYLE §5). */
final class Problems {
    private final String origin;
    private final List<AgreementProblem> found = new ArrayList<>();

    Problems(String origin) {
        this.origin = origin;
    }

    void add(String path, String message) {
        found.add(new AgreementProblem(origin, path, message));
    }

    boolean any() {
        return !found.isEmpty();
    }

    List<AgreementProblem> all() {
        return List.copyOf(found);
    }

    String origin() {
        return origin;
    }
}
