package org.threadline.domain.governance.policy;

import java.util.ArrayList;
import java.util.List;

/** Every missing or blank part of a request, each as its own reason: missing input is a deny, never a guess. */
final class RequestCheck {
    private RequestCheck() {
    }

    static List<DenyReason> missing(AccessRequest r) {
        List<DenyReason> out = new ArrayList<>();
        if (r == null) {
            out.add(missing("request"));
            return out;
        }
        Principal p = r.principal();
        if (p == null) {
            out.add(missing("principal"));
        } else {
            blank(p.userId(), "principal.userId", out);
            blank(p.agency(), "principal.agency", out);
            if (p.roles() == null || p.roles().isEmpty()) {
                out.add(missing("principal.roles"));
            }
        }
        blank(r.purpose(), "purpose", out);
        if (r.caseReference() == null) {
            out.add(missing("caseReference (use Optional.empty())"));
        }
        blank(r.dataItem(), "dataItem", out);
        if (r.fields() == null || r.fields().isEmpty()) {
            out.add(missing("fields"));
        }
        Subject s = r.subject();
        if (s == null) {
            out.add(missing("subject"));
        } else {
            blank(s.subjectId(), "subject.subjectId", out);
            if (s.markers() == null) {
                out.add(missing("subject.markers"));
            }
            if (s.roleOnEvent() == null || s.levelOfNeed() == null) {
                out.add(missing("subject.roleOnEvent / levelOfNeed (use Optional.empty())"));
            }
        }
        if (r.breakGlass() == null) {
            out.add(missing("breakGlass (use Optional.empty())"));
        }
        return out;
    }

    private static void blank(String value, String name, List<DenyReason> out) {
        if (value == null || value.isBlank()) {
            out.add(missing(name));
        }
    }

    private static DenyReason missing(String name) {
        return new DenyReason(ReasonCode.MISSING_INPUT, name + " is missing");
    }
}
