package org.threadline.benchmarks;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import org.threadline.domain.chronology.EventRole;
import org.threadline.domain.governance.agreements.Agreement;
import org.threadline.domain.governance.agreements.AgreementRegistry;
import org.threadline.domain.governance.agreements.Agreements;
import org.threadline.domain.governance.agreements.DataItem;
import org.threadline.domain.governance.agreements.Grant;
import org.threadline.domain.governance.agreements.LevelOfNeed;
import org.threadline.domain.governance.policy.AccessRequest;
import org.threadline.domain.governance.policy.CaseRegister;
import org.threadline.domain.governance.policy.Decision;
import org.threadline.domain.governance.policy.PolicyDecisionPoint;
import org.threadline.domain.governance.policy.Principal;
import org.threadline.domain.governance.policy.Subject;

/**
 * Latency of one policy decision (GOVERNANCE.md R8: p99 under 2 ms in-process) on the shipped agreements, with an
 * in-memory case register. Requests are seeded: three in four built from a real grant, the rest with a purpose
 * outside the agreements. Each decision is timed alone, on one thread, after a warm-up.
 *
 * <pre>
 * java -cp "benchmarks/target/classes:app/target/lib/*:app/target/threadline.jar" \
 *     org.threadline.benchmarks.PolicyDecisionBenchmark config/agreements 1000000
 * </pre>
 */
public final class PolicyDecisionBenchmark {
    private PolicyDecisionBenchmark() {
    }

    public static void main(String[] args) {
        Path folder = Path.of(args.length > 0 ? args[0] : "config/agreements");
        int n = args.length > 1 ? Integer.parseInt(args[1]) : 1_000_000;
        List<Agreement> agreements = Agreements.loadFolder(folder,
                Agreements.loadKeys(folder.resolve("keys").resolve("trusted-keys.yaml")));
        PolicyDecisionPoint pdp = new PolicyDecisionPoint(AgreementRegistry.of(agreements),
                (c, s, a) -> CaseRegister.CaseStatus.OPEN_AND_LINKED,
                Clock.fixed(Instant.parse("2026-06-01T12:00:00Z"), ZoneOffset.UTC));
        List<AccessRequest> requests = requests(agreements, 10_000, new SplittableRandom(42));
        int permits = 0;
        for (int i = 0; i < 300_000; i++) {
            permits += pdp.decide(requests.get(i % requests.size())).permitted() ? 1 : 0;
        }
        long[] nanos = new long[n];
        permits = 0;
        long start = System.nanoTime();
        for (int i = 0; i < n; i++) {
            long t = System.nanoTime();
            Decision d = pdp.decide(requests.get(i % requests.size()));
            nanos[i] = System.nanoTime() - t;
            permits += d.permitted() ? 1 : 0;
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        Arrays.sort(nanos);
        System.out.printf(Locale.ROOT, "%,d decisions (%,d permits) in %.2f s: %,.0f/s; p50 %.1f us, p99 %.1f us, "
                + "p99.9 %.1f us, max %.1f us%n", n, permits, seconds, n / seconds, nanos[n / 2] / 1e3,
                nanos[(int) (n * 0.99)] / 1e3, nanos[(int) (n * 0.999)] / 1e3, nanos[n - 1] / 1e3);
    }

    private static List<AccessRequest> requests(List<Agreement> agreements, int count, SplittableRandom random) {
        List<AccessRequest> out = new ArrayList<>();
        while (out.size() < count) {
            Agreement a = agreements.get(random.nextInt(agreements.size()));
            DataItem item = a.dataItems().get(random.nextInt(a.dataItems().size()));
            Grant g = item.grants().get(random.nextInt(item.grants().size()));
            List<String> roles = g.roles().isEmpty() ? a.party(g.recipient()).orElseThrow().roles() : g.roles();
            Set<String> fields = new HashSet<>();
            for (int i = 0; i < 1 + random.nextInt(item.fields().size()); i++) {
                fields.add(item.fields().get(random.nextInt(item.fields().size())));
            }
            String purpose = random.nextInt(4) == 0 ? "HOUSING.ALLOCATION" : g.purposes().get(0);
            Subject subject = new Subject("p" + random.nextInt(1000), Set.of(),
                    Optional.of(EventRole.values()[random.nextInt(EventRole.values().length)]),
                    Optional.of(LevelOfNeed.values()[random.nextInt(LevelOfNeed.values().length)]));
            out.add(AccessRequest.of(new Principal("u", g.recipient(), Set.of(roles.get(0))), purpose,
                    Optional.of("CASE-1"), item.id(), fields, subject));
        }
        return out;
    }
}
