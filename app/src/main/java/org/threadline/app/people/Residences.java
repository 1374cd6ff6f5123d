package org.threadline.app.people;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.threadline.domain.people.PersonRow;
import org.threadline.store.people.Build;

/** Residence over time: per person and address, the first and last day a source showed them there. */
final class Residences {
    private Residences() {
    }

    static List<Build.ResidenceRow> of(List<PersonRow> rows) {
        record Acc(String person, String key, String address, String postcode, LocalDate[] span, List<String> src) {
        }
        Map<String, Acc> spans = new TreeMap<>();
        for (PersonRow r : rows) {
            if (r.seenOn().isEmpty() || r.addressKey().isEmpty()) {
                continue;
            }
            LocalDate on = r.seenOn().get();
            String key = r.addressKey().get();
            Acc a = spans.computeIfAbsent(r.personId() + "|" + key, k -> new Acc(r.personId(), key,
                    r.field("address_line"), r.field("postcode"), new LocalDate[] {on, on}, new ArrayList<>()));
            if (on.isBefore(a.span()[0])) {
                a.span()[0] = on;
            }
            if (on.isAfter(a.span()[1])) {
                a.span()[1] = on;
            }
            if (a.src().size() < 20) {
                a.src().add(r.source().toString());
            }
        }
        List<Build.ResidenceRow> out = new ArrayList<>();
        for (Acc a : spans.values()) {
            out.add(new Build.ResidenceRow(a.person(), a.key(), a.address(), a.postcode(), a.span()[0], a.span()[1],
                    a.src()));
        }
        return out;
    }
}
