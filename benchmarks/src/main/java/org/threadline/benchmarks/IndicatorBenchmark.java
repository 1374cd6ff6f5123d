package org.threadline.benchmarks;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.threadline.domain.chronology.ChronologyEvent;
import org.threadline.domain.chronology.EventDate;
import org.threadline.domain.chronology.EventRole;
import org.threadline.domain.chronology.SourceRef;
import org.threadline.domain.indicators.Evaluation;
import org.threadline.domain.indicators.EventVocabulary;
import org.threadline.domain.indicators.RuleEngine;
import org.threadline.domain.indicators.Rulebook;
import org.threadline.domain.indicators.RulebookReader;
import org.threadline.domain.indicators.Status;
import org.threadline.domain.people.Basis;
import org.threadline.domain.people.Family;
import org.threadline.domain.people.PersonSummary;
import org.threadline.domain.people.Relationship;
import org.threadline.domain.people.RelationshipType;
import org.threadline.domain.people.Sex;

/**
 * Throughput of full evaluation (every shipped rulebook for every person of every family) and latency of
 * re-evaluating one family after one new event. Families are generated from a seed (two parents, two children,
 * events of every vocabulary type with realistic facts, about 40 per family), in memory, so the figure is the
 * engine's and not a file reader's. Run from the repository root:
 *
 * <pre>
 * ./mvnw -q -B -pl benchmarks -am -DskipTests package
 * java -Xmx2g -cp "benchmarks/target/classes:app/target/lib/*:app/target/threadline.jar" \
 *     org.threadline.benchmarks.IndicatorBenchmark 3000000 2
 * </pre>
 */
public final class IndicatorBenchmark {
    static final LocalDate AS_OF = LocalDate.of(2026, 3, 1);
    private static final String[][] EVENTS = {
        {"DOMESTIC_ABUSE_INCIDENT", "VICTIM", "dash_risk", "STANDARD"},
        {"DOMESTIC_ABUSE_INCIDENT", "SUSPECT", "dash_risk", "HIGH"},
        {"POLICE_INCIDENT", "SUSPECT", "offence", "SHOPLIFTING"},
        {"ARREST", "SUSPECT", "outcome", "CHARGED"},
        {"ED_ATTENDANCE", "SUBJECT", "complaint", "ILLNESS"},
        {"ED_ATTENDANCE", "SUBJECT", "complaint", "INTOXICATION - ALCOHOL"},
        {"SELF_HARM", "SUBJECT", "complaint", "SELF HARM"},
        {"HOMELESSNESS_APPLICATION", "SUBJECT", "reason", "rent arrears"},
        {"SUBSTANCE_MISUSE_TREATMENT", "SUBJECT", "substance", "Alcohol"},
        {"CUSTODIAL_SENTENCE", "OFFENDER", "needs", "Drug misuse"},
        {"COMMUNITY_SENTENCE", "OFFENDER", "needs", ""},
        {"HEALTH_VISITOR_CONCERN", "PARENT_OR_CARER", "concerns", "MATERNAL MENTAL HEALTH"},
    };
    private static final String[][] CHILD_EVENTS = {
        {"SCHOOL_ENROLMENT", "SUBJECT", "school_urn", "304045"},
        {"SUSPENSION", "SUBJECT", "reason", "DB"},
        {"CSC_REFERRAL", "SUBJECT", "assessment_factors", "2B,4B,16A"},
        {"MISSING_EPISODE", "MISSING_PERSON", "missing_or_away", "M"},
        {"LOOKED_AFTER_EPISODE", "SUBJECT", "reason_new_episode", "P"},
        {"DOMESTIC_ABUSE_INCIDENT", "CHILD_PRESENT", "dash_risk", "MEDIUM"},
        {"YOUTH_JUSTICE_OUTCOME", "OFFENDER", "outcome", "Referral Order"},
    };

    private IndicatorBenchmark() {
    }

    public static void main(String[] args) {
        int people = args.length > 0 ? Integer.parseInt(args[0]) : 300_000;
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : Runtime.getRuntime().availableProcessors();
        Path config = Path.of(args.length > 2 ? args[2] : "config");
        RulebookReader reader = new RulebookReader(EventVocabulary.read(config.resolve("chronology/events.yaml")));
        List<RuleEngine> engines = reader.readAll(config.resolve("rules")).stream().map(RuleEngine::compile).toList();
        int families = people / 4;
        // warm up the JIT on a slice, then time the whole population
        run(engines, Math.min(20_000, families), threads, 99);
        long t0 = System.nanoTime();
        long[] counts = run(engines, families, threads, 7);
        double seconds = (System.nanoTime() - t0) / 1e9;
        double cpuSeconds = counts[3] / 1e9;
        System.out.printf(Locale.ROOT, "full: %,d people in %,d families, %,d events, %,d results (%,d met) in %.1f s"
                + " on %d threads: %,.0f people/s; %.1f CPU s, %,.0f people per CPU second%n", families * 4L,
                families, counts[0], counts[1], counts[2], seconds, threads, families * 4L / seconds, cpuSeconds,
                families * 4L / cpuSeconds);

        // re-evaluation of one family after one new event: every member, every rulebook
        java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
        SplittableRandom random = new SplittableRandom(11);
        long[] latencies = new long[2_000];
        for (int k = 0; k < latencies.length; k++) {
            Generated g = family(k, random);
            List<ChronologyEvent> with = new ArrayList<>(g.events);
            with.add(event("new" + k, g.family.members().get(1).personId(), "DOMESTIC_ABUSE_INCIDENT", AS_OF,
                    "VICTIM", "dash_risk", "HIGH"));
            // CPU time of this thread: wall time on a machine shared with other builds measures the others
            long s = mx.getCurrentThreadCpuTime();
            for (RuleEngine e : engines) {
                e.evaluateFamily(g.family, with, AS_OF);
            }
            latencies[k] = mx.getCurrentThreadCpuTime() - s;
        }
        Arrays.sort(latencies);
        System.out.printf(Locale.ROOT, "one family after one new event (%d families, CPU time): median %.3f ms, p99 %.3f ms,"
                + " max %.3f ms%n", latencies.length, latencies[latencies.length / 2] / 1e6,
                latencies[latencies.length * 99 / 100] / 1e6, latencies[latencies.length - 1] / 1e6);
    }

    private static long[] run(List<RuleEngine> engines, int families, int threads, long seed) {
        LongAdder events = new LongAdder();
        LongAdder results = new LongAdder();
        LongAdder met = new LongAdder();
        AtomicLong next = new AtomicLong();
        LongAdder cpu = new LongAdder();
        java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            workers.add(new Thread(() -> {
            long cpu0 = mx.getCurrentThreadCpuTime();
            for (long f = next.getAndIncrement(); f < families; f = next.getAndIncrement()) {
                Generated g = family((int) f, new SplittableRandom(seed * 1_000_003 + f));
                events.add(g.events.size());
                for (RuleEngine e : engines) {
                    for (Evaluation ev : e.evaluateFamily(g.family, g.events, AS_OF)) {
                        results.add(ev.results().size());
                        met.add(ev.results().stream().filter(r -> r.status() == Status.MET).count());
                    }
                }
            }
            cpu.add(mx.getCurrentThreadCpuTime() - cpu0);
            }));
        }
        workers.forEach(Thread::start);
        for (Thread w : workers) {
            try {
                w.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        return new long[] {events.sum(), results.sum(), met.sum(), cpu.sum()};
    }

    record Generated(Family family, List<ChronologyEvent> events) {
    }

    static Generated family(int f, SplittableRandom random) {
        String m = "F" + f + "M";
        String d = "F" + f + "D";
        String c1 = "F" + f + "C1";
        String c2 = "F" + f + "C2";
        List<PersonSummary> members = List.of(
                person(c1, LocalDate.of(2008 + random.nextInt(12), 1 + random.nextInt(12), 1)),
                person(m, LocalDate.of(1975 + random.nextInt(20), 1 + random.nextInt(12), 1)),
                person(d, LocalDate.of(1970 + random.nextInt(20), 1 + random.nextInt(12), 1)),
                person(c2, LocalDate.of(2008 + random.nextInt(12), 1 + random.nextInt(12), 1)));
        SourceRef src = new SourceRef("bench", "bench", 1, f);
        List<Relationship> rels = new ArrayList<>();
        for (String child : List.of(c1, c2)) {
            for (String parent : List.of(m, d)) {
                rels.add(new Relationship(parent, child, RelationshipType.PARENT_OF, Basis.ASSERTED, "bench",
                        Optional.empty(), Optional.empty(), List.of(src)));
            }
        }
        if (random.nextInt(3) == 0) {
            rels.add(new Relationship(d, m, RelationshipType.EX_PARTNER_OF, Basis.ASSERTED, "bench",
                    Optional.empty(), Optional.empty(), List.of(src)));
        }
        List<ChronologyEvent> events = new ArrayList<>();
        int n = 0;
        for (String adult : List.of(m, d)) {
            for (int k = 0; k < 8; k++) {
                String[] e = EVENTS[random.nextInt(EVENTS.length)];
                events.add(event(f + "-" + n++, adult, e[0], date(random), e[1], e[2], e[3]));
            }
        }
        for (String child : List.of(c1, c2)) {
            for (int y = 0; y < 3; y++) {
                for (String term : List.of("AUT", "SPR", "SUM")) {
                    int possible = 120 + random.nextInt(30);
                    events.add(event(f + "-" + n++, child, "SCHOOL_ATTENDANCE",
                            LocalDate.of(2023 + y, term.equals("AUT") ? 9 : term.equals("SPR") ? 1 : 4, 1),
                            "SUBJECT", "academic_year", (2023 + y) + "/" + (24 + y), "term", term,
                            "possible_sessions", Integer.toString(possible), "authorised_absence",
                            Integer.toString(random.nextInt(15)), "unauthorised_absence",
                            Integer.toString(random.nextInt(10))));
                }
            }
            for (int k = 0; k < 3; k++) {
                String[] e = CHILD_EVENTS[random.nextInt(CHILD_EVENTS.length)];
                events.add(event(f + "-" + n++, child, e[0], date(random), e[1], e[2], e[3]));
            }
        }
        return new Generated(new Family(c1, members, rels), events);
    }

    private static LocalDate date(SplittableRandom random) {
        return AS_OF.minusDays(random.nextInt(3_650));
    }

    private static PersonSummary person(String id, LocalDate dob) {
        return new PersonSummary(id, "F", "S", Optional.of(dob), Sex.UNKNOWN);
    }

    private static ChronologyEvent event(String id, String person, String type, LocalDate date, String role,
                                         String... facts) {
        Map<String, String> f = new HashMap<>();
        for (int i = 0; i < facts.length; i += 2) {
            f.put(facts[i], facts[i + 1]);
        }
        return new ChronologyEvent(id, person, EventDate.day(date), Optional.empty(), "bench", type,
                EventRole.valueOf(role), type, true, f, List.of(new SourceRef("bench", "bench", 1, 1)), 1.0);
    }
}
