package org.threadline.domain.governance.policy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.threadline.domain.governance.agreements.Agreement;
import org.threadline.domain.governance.agreements.ForbidRule;

/**
 * What a new version of an agreement widens and narrows against the old one: every permission-matrix cell gained or
 * lost (or released for more or fewer subjects), and every change outside the matrix that lets more or less happen —
 * validity and review dates, prohibited purposes, forbid rules, break-glass. A widening must be approved: the new
 * version records {@code approvedBy}, or the diff has an error.
 */
public record AgreementDiff(String from, String to, List<String> widened, List<String> narrowed, List<String> errors) {
    public AgreementDiff {
        widened = List.copyOf(widened);
        narrowed = List.copyOf(narrowed);
        errors = List.copyOf(errors);
    }

    public boolean ok() {
        return errors.isEmpty();
    }

    public static AgreementDiff between(Agreement old, Agreement updated) {
        List<String> widened = new ArrayList<>();
        List<String> narrowed = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        if (!old.id().equals(updated.id())) {
            errors.add("different agreements: " + old.id() + " and " + updated.id());
        } else if (updated.version() <= old.version()) {
            errors.add("the new version (" + updated.version() + ") must be higher than the old (" + old.version()
                    + ")");
        }
        matrix(old, updated, widened, narrowed);
        dates(old, updated, widened, narrowed);
        prohibitions(old, updated, widened, narrowed);
        forbid(old, updated, widened, narrowed);
        breakGlass(old, updated, widened, narrowed);
        if (!widened.isEmpty() && updated.approvedBy().isEmpty()) {
            errors.add(updated.reference() + " widens access (" + widened.size() + " change(s)) but records no "
                    + "approvedBy: the DPO approves a widening before it is signed");
        }
        return new AgreementDiff(old.reference(), updated.reference(), widened, narrowed, errors);
    }

    private static void matrix(Agreement old, Agreement updated, List<String> widened, List<String> narrowed) {
        Map<String, MatrixEntry> before = index(PermissionMatrix.of(old));
        Map<String, MatrixEntry> after = index(PermissionMatrix.of(updated));
        Set<String> keys = new java.util.TreeSet<>(before.keySet());
        keys.addAll(after.keySet());
        for (String key : keys) {
            MatrixEntry b = before.get(key);
            MatrixEntry a = after.get(key);
            boolean was = b != null && b.permitted();
            boolean is = a != null && a.permitted();
            if (!was && is) {
                widened.add("grants " + key + withheld(a));
            } else if (was && !is) {
                narrowed.add("no longer grants " + key);
            } else if (was) {
                Set<String> lifted = new HashSet<>(b.withheldFor());
                lifted.removeAll(a.withheldFor());
                Set<String> added = new HashSet<>(a.withheldFor());
                added.removeAll(b.withheldFor());
                if (!lifted.isEmpty()) {
                    widened.add("releases " + key + " also for " + new java.util.TreeSet<>(lifted));
                }
                if (!added.isEmpty()) {
                    narrowed.add("withholds " + key + " also for " + new java.util.TreeSet<>(added));
                }
            }
        }
    }

    private static String withheld(MatrixEntry e) {
        return e.withheldFor().isEmpty() ? "" : " (withheld for " + e.withheldFor() + ")";
    }

    private static Map<String, MatrixEntry> index(List<MatrixEntry> entries) {
        Map<String, MatrixEntry> out = new LinkedHashMap<>();
        entries.forEach(e -> out.put(e.key(), e));
        return out;
    }

    private static void dates(Agreement old, Agreement updated, List<String> widened, List<String> narrowed) {
        compare(updated.validFrom().isBefore(old.validFrom()), updated.validFrom().isAfter(old.validFrom()),
                "validFrom " + old.validFrom() + " -> " + updated.validFrom(), widened, narrowed);
        compare(updated.validTo().isAfter(old.validTo()), updated.validTo().isBefore(old.validTo()),
                "validTo " + old.validTo() + " -> " + updated.validTo(), widened, narrowed);
        compare(updated.reviewDue().isAfter(old.reviewDue()), updated.reviewDue().isBefore(old.reviewDue()),
                "reviewDue " + old.reviewDue() + " -> " + updated.reviewDue(), widened, narrowed);
    }

    private static void prohibitions(Agreement old, Agreement updated, List<String> widened, List<String> narrowed) {
        old.prohibitedPurposes().stream().filter(p -> !updated.prohibitedPurposes().contains(p))
                .forEach(p -> widened.add("purpose " + p + " is no longer prohibited"));
        updated.prohibitedPurposes().stream().filter(p -> !old.prohibitedPurposes().contains(p))
                .forEach(p -> narrowed.add("purpose " + p + " is now prohibited"));
    }

    /** A forbid rule removed or changed counts as a widening: a change may let through what it stopped. */
    private static void forbid(Agreement old, Agreement updated, List<String> widened, List<String> narrowed) {
        for (ForbidRule f : old.forbid()) {
            ForbidRule now = updated.forbid().stream().filter(g -> g.id().equals(f.id())).findFirst().orElse(null);
            if (now == null) {
                widened.add("forbid rule '" + f.id() + "' removed");
            } else if (!now.equals(f)) {
                widened.add("forbid rule '" + f.id() + "' changed");
            }
        }
        updated.forbid().stream().filter(f -> old.forbid().stream().noneMatch(g -> g.id().equals(f.id())))
                .forEach(f -> narrowed.add("forbid rule '" + f.id() + "' added"));
    }

    private static void breakGlass(Agreement old, Agreement updated, List<String> widened, List<String> narrowed) {
        var before = old.breakGlass();
        var after = updated.breakGlass();
        if (before.isEmpty() && after.isPresent()) {
            widened.add("break-glass added for " + after.get().allowedRoles());
        } else if (before.isPresent() && after.isEmpty()) {
            narrowed.add("break-glass removed");
        } else if (before.isPresent()) {
            var b = before.get();
            var a = after.get();
            a.allowedRoles().stream().filter(r -> !b.allowedRoles().contains(r))
                    .forEach(r -> widened.add("break-glass allowed to role " + r));
            b.allowedRoles().stream().filter(r -> !a.allowedRoles().contains(r))
                    .forEach(r -> narrowed.add("break-glass no longer allowed to role " + r));
            compare(a.maxDuration().compareTo(b.maxDuration()) > 0, a.maxDuration().compareTo(b.maxDuration()) < 0,
                    "break-glass maxDuration " + b.maxDuration() + " -> " + a.maxDuration(), widened, narrowed);
            compare(a.reviewWithin().compareTo(b.reviewWithin()) > 0, a.reviewWithin().compareTo(b.reviewWithin()) < 0,
                    "break-glass reviewWithin " + b.reviewWithin() + " -> " + a.reviewWithin(), widened, narrowed);
            if (!Objects.equals(a.notifyOnUse(), b.notifyOnUse())) {
                (a.notifyOnUse().containsAll(b.notifyOnUse()) ? narrowed : widened)
                        .add("break-glass notify " + b.notifyOnUse() + " -> " + a.notifyOnUse());
            }
        }
    }

    private static void compare(boolean wider, boolean narrower, String what, List<String> widened,
                                List<String> narrowed) {
        if (wider) {
            widened.add(what);
        } else if (narrower) {
            narrowed.add(what);
        }
    }
}
