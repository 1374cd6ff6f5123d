package org.threadline.app.people;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.threadline.domain.identifiers.NhsNumber;
import org.threadline.domain.identifiers.NiNumber;
import org.threadline.domain.identifiers.Upn;
import org.threadline.linkage.clustering.ClusterConstraints;
import org.threadline.linkage.data.Column;
import org.threadline.linkage.data.RecordTable;

/**
 * Two records whose NHS numbers (or UPNs, or NI numbers) are both valid and different belong to different people,
 * however alike they are otherwise: twins share a surname, a date of birth and an address. Such candidate pairs
 * become cannot-link constraints, so clustering never joins them, not even through a third record. A typo that
 * happens to keep the check digit valid splits one person in two — the safe error in safeguarding, and one the
 * review queue can repair with a "link" decision.
 */
final class IdentifierConflicts {
    private static final Map<String, Predicate<String>> CHECKED = Map.of("nhs_number", NhsNumber::isValid,
            "upn", Upn::isValid, "ni_number", NiNumber::isValid);

    private IdentifierConflicts() {
    }

    /** The constraints plus every candidate pair in conflict; the same instance when there is none. */
    static ClusterConstraints add(ClusterConstraints constraints, RecordTable records, int[] left, int[] right) {
        List<int[]> conflicts = new ArrayList<>();
        for (Map.Entry<String, Predicate<String>> id : CHECKED.entrySet()) {
            if (!records.hasColumn(id.getKey())) {
                continue;
            }
            Column column = records.column(id.getKey());
            boolean[] valid = new boolean[column.dictionary().length];
            for (int code = 0; code < valid.length; code++) {
                valid[code] = id.getValue().test(column.valueOfCode(code));
            }
            for (int p = 0; p < left.length; p++) {
                int a = column.code(left[p]);
                int b = column.code(right[p]);
                if (a != Column.NULL && b != Column.NULL && a != b && valid[a] && valid[b]) {
                    conflicts.add(new int[] {left[p], right[p]});
                }
            }
        }
        if (conflicts.isEmpty()) {
            return constraints;
        }
        int n = constraints.cannotLinkLeft().length;
        int[] cl = java.util.Arrays.copyOf(constraints.cannotLinkLeft(), n + conflicts.size());
        int[] cr = java.util.Arrays.copyOf(constraints.cannotLinkRight(), n + conflicts.size());
        for (int i = 0; i < conflicts.size(); i++) {
            cl[n + i] = conflicts.get(i)[0];
            cr[n + i] = conflicts.get(i)[1];
        }
        return new ClusterConstraints(constraints.mustLinkLeft(), constraints.mustLinkRight(), cl, cr);
    }
}
