package org.threadline.domain.governance.policy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import org.threadline.domain.chronology.EventRole;
import org.threadline.domain.governance.agreements.Agreement;
import org.threadline.domain.governance.agreements.DataItem;
import org.threadline.domain.governance.agreements.Grant;
import org.threadline.domain.governance.agreements.LevelOfNeed;

/**
 * Seeded random access requests over a set of agreements. Most are built from a real grant (so that many would be
 * permitted and the properties are tested where it matters); the rest mix agencies, roles, purposes and items at
 * random. Times spread from before the agreements start to after they end.
 */
final class RequestGenerator {
    static final List<String> MARKERS = List.of("SEALED_ADOPTION_RECORD", "RESTRICTED_RECORD", "REFUGE_ADDRESS",
            "SOME_OTHER_MARKER");

    private final List<Agreement> agreements;
    private final SplittableRandom random;
    private final List<String> agencies = new ArrayList<>();
    private final List<String> roles = new ArrayList<>();
    private final List<String> purposes;
    private final List<String> items;

    RequestGenerator(List<Agreement> agreements, long seed) {
        this.agreements = List.copyOf(agreements);
        this.random = new SplittableRandom(seed);
        Set<String> a = new HashSet<>();
        Set<String> r = new HashSet<>();
        agreements.forEach(x -> x.parties().forEach(p -> {
            a.add(p.id());
            r.addAll(p.roles());
        }));
        agencies.addAll(a.stream().sorted().toList());
        agencies.add("not-a-party");
        roles.addAll(r.stream().sorted().toList());
        roles.add("NO_SUCH_ROLE");
        purposes = PermissionMatrixAgreementTest.purposes(agreements);
        items = PermissionMatrixAgreementTest.items(agreements);
    }

    SplittableRandom random() {
        return random;
    }

    /** A request and the instant to decide it at. */
    record Generated(AccessRequest request, Instant at) {
    }

    Generated next() {
        return new Generated(random.nextInt(10) < 7 ? fromGrant() : anyRequest(), instant());
    }

    /** An instant: mostly while the agreements are live, sometimes before, after or in the review-overdue gap. */
    Instant instant() {
        LocalDate from = LocalDate.of(2026, 1, 1);
        int span = random.nextInt(10) < 8 ? 300 : 545;
        LocalDate day = random.nextInt(10) < 8 ? LocalDate.of(2026, 4, 1).plusDays(random.nextInt(span))
                : from.plusDays(random.nextInt(545));
        return day.atStartOfDay(ZoneOffset.UTC).toInstant().plusSeconds(random.nextInt(86_400));
    }

    /** A request that a grant of some agreement could allow, with everything else drawn at random. */
    AccessRequest fromGrant() {
        Agreement a = pick(agreements);
        DataItem item = pick(a.dataItems());
        Grant g = pick(item.grants());
        List<String> grantRoles = g.roles().isEmpty() ? a.party(g.recipient()).orElseThrow().roles() : g.roles();
        Set<String> who = new HashSet<>(Set.of(pick(grantRoles)));
        if (random.nextInt(5) == 0) {
            who.add(pick(roles));
        }
        String purpose = pick(g.purposes());
        if (random.nextInt(4) == 0) {
            purpose = purpose + ".SUB";
        }
        return new AccessRequest(new Principal("u" + random.nextInt(100), g.recipient(), who), purpose,
                random.nextInt(10) == 0 ? Optional.empty() : Optional.of("CASE-" + random.nextInt(50)), item.id(),
                fields(item.fields()), subject(), breakGlass());
    }

    AccessRequest anyRequest() {
        String item = pick(items);
        Set<String> itemFields = PermissionMatrixAgreementTest.fields(agreements, item);
        Set<String> who = new HashSet<>(Set.of(pick(roles)));
        if (random.nextBoolean()) {
            who.add(pick(roles));
        }
        return new AccessRequest(new Principal("u", pick(agencies), who), pick(purposes),
                random.nextBoolean() ? Optional.of("CASE-1") : Optional.empty(), item,
                fields(new ArrayList<>(itemFields)), subject(), breakGlass());
    }

    Set<String> fields(List<String> from) {
        Set<String> out = new HashSet<>();
        int n = 1 + random.nextInt(from.size());
        for (int i = 0; i < n; i++) {
            out.add(pick(from));
        }
        return out;
    }

    Subject subject() {
        Set<String> markers = new HashSet<>();
        if (random.nextInt(10) == 0) {
            markers.add(pick(MARKERS));
        }
        Optional<EventRole> role = random.nextInt(4) == 0 ? Optional.empty()
                : Optional.of(EventRole.values()[random.nextInt(EventRole.values().length)]);
        Optional<LevelOfNeed> level = random.nextInt(4) == 0 ? Optional.empty()
                : Optional.of(LevelOfNeed.values()[random.nextInt(LevelOfNeed.values().length)]);
        return new Subject("p" + random.nextInt(3), markers, role, level);
    }

    /** Break-glass one time in ten, with its parts sometimes wrong. */
    Optional<BreakGlassClaim> breakGlass() {
        if (random.nextInt(10) != 0) {
            return Optional.empty();
        }
        return Optional.of(new BreakGlassClaim(random.nextInt(8) == 0 ? "" : "IMMEDIATE_RISK",
                random.nextInt(8) == 0 ? " " : "no case yet", "p" + random.nextInt(3), instant(),
                Duration.ofMinutes(1 + random.nextInt(300))));
    }

    <T> T pick(List<T> from) {
        return from.get(random.nextInt(from.size()));
    }
}
