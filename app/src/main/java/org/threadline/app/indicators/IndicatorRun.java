package org.threadline.app.indicators;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;
import javax.sql.DataSource;
import org.threadline.domain.chronology.ChronologyEvent;
import org.threadline.domain.governance.audit.AuditAction;
import org.threadline.domain.governance.audit.AuditEvent;
import org.threadline.domain.indicators.Evaluation;
import org.threadline.domain.indicators.EventVocabulary;
import org.threadline.domain.indicators.IndicatorResult;
import org.threadline.domain.indicators.RuleEngine;
import org.threadline.domain.indicators.Rulebook;
import org.threadline.domain.indicators.RulebookReader;
import org.threadline.domain.indicators.Status;
import org.threadline.domain.indicators.alerts.Alert;
import org.threadline.domain.indicators.alerts.RaisingAlerts;
import org.threadline.domain.people.Families;
import org.threadline.domain.people.Family;
import org.threadline.domain.people.PersonSummary;
import org.threadline.store.StoreException;
import org.threadline.store.audit.AuditStore;
import org.threadline.store.indicators.AlertStore;
import org.threadline.store.indicators.IndicatorResultStore;
import org.threadline.store.people.PeopleStore;

/**
 * Evaluates the shipped rulebooks over built people, keeps each subject's latest results, and raises the alerts a
 * change triggers. Two ways in: a full run over every person held ({@link #runAll}), and a re-evaluation of the
 * families of people who just gained events ({@link #reevaluate}, what intake calls after attaching new records).
 *
 * <p>Each subject is evaluated with the family around them (so a child's household adults are theirs, an adult's
 * children theirs), as of one date: a full run as of today unless told otherwise (a synthetic population is run as
 * of its extract date); a re-evaluation as of the later of the subjects' last evaluation and their newest event,
 * never after today, so new events are seen and the rest of the family is judged as it was.
 *
 * <p>The first run under a rulebook is a <b>baseline</b>: it stores results and raises no alerts, because an alert is
 * for a change (a flag newly met, or new evidence) and the first run has nothing to compare with. Later full runs
 * compare each subject's new results with the stored ones, and baseline a subject they meet for the first time;
 * a re-evaluation after intake compares new subjects with nothing, so what they meet is new. An alert is stored
 * with its audit entry in one transaction, and before the results that raised it are replaced, so a failure in
 * between raises it again (the same alert id: the store keeps one) rather than losing it.
 */
public final class IndicatorRun {
    /** Who raises alerts in the audit log. */
    public static final String ENGINE = "threadline rule engine";
    /** The processing purpose an alert is raised under (the rule names the recipient; governance decides the rest). */
    public static final String PURPOSE = "INDICATORS.ALERT";
    private static final int CHUNK = 500;
    private final int chunkSize;

    private final PeopleStore people;
    private final IndicatorResultStore results;
    private final AlertStore alerts;
    private final DataSource dataSource;
    private final AuditStore audit;
    private final List<Compiled> rulebooks;
    private final Clock clock;

    private record Compiled(Rulebook rulebook, RuleEngine engine, RaisingAlerts raising) {
    }

    /** What a run did. {@code met} counts subjects per indicator met, in rulebook order. */
    public record Outcome(int subjects, LocalDate asOf, List<String> baselines, Map<String, Integer> met,
                          List<Alert> raised, long millis) {
    }

    public IndicatorRun(DataSource dataSource, AuditStore audit, List<Rulebook> rulebooks, Clock clock) {
        this(dataSource, audit, rulebooks, clock, CHUNK);
    }

    /** With chunks of {@code chunkSize} subjects (tests use small ones to run many chunks on a small population). */
    IndicatorRun(DataSource dataSource, AuditStore audit, List<Rulebook> rulebooks, Clock clock, int chunkSize) {
        if (chunkSize < 1) {
            throw new IllegalArgumentException("chunkSize must be at least 1: " + chunkSize);
        }
        this.chunkSize = chunkSize;
        this.dataSource = dataSource;
        this.people = new PeopleStore(dataSource);
        this.results = new IndicatorResultStore(dataSource);
        this.alerts = new AlertStore(dataSource);
        this.audit = audit;
        this.clock = clock;
        this.rulebooks = rulebooks.stream().map(r -> new Compiled(r, RuleEngine.compile(r),
                new RaisingAlerts(r, clock))).toList();
    }

    /** The rulebooks under {@code config/rules/}, checked against the chronology's event vocabulary. */
    public static List<Rulebook> shippedRulebooks(Path rulesFolder,
                                                  org.threadline.domain.chronology.EventVocabulary vocabulary) {
        return new RulebookReader(EventVocabulary.of(vocabulary)).readAll(rulesFolder);
    }

    public List<Rulebook> rulebooks() {
        return rulebooks.stream().map(Compiled::rulebook).toList();
    }

    /** Whether any rulebook has stored results: re-evaluation after intake waits for a first full run. */
    public boolean hasRun() {
        return rulebooks.stream().anyMatch(c -> results.any(c.rulebook()));
    }

    /**
     * Every person held, each with the family around them. Subjects go in an order that keeps related people
     * together, found from the relationships' person pairs alone; each chunk then reads the relationships and
     * summaries its families need ({@link ChunkFamilies}), so memory follows a chunk, not the population (holding
     * every relationship with its evidence did not fit 4 GB at 3,000,000 people).
     */
    public Outcome runAll(Optional<LocalDate> asOf, Consumer<String> progress) {
        long started = System.nanoTime();
        List<String> subjects = relatedTogether(people.personIds(), people::forEachTie);
        return evaluate(subjects, chunk -> new ChunkFamilies(people, chunk).families(),
                asOf.orElse(LocalDate.now(clock)), true, progress, started);
    }

    /**
     * The subjects in an order that keeps related people together (by the connected group of relationships they
     * belong to): a chunk then reads the events of a few whole families, not of a scattering of every family its
     * subjects touch, which at a million people was most of the time a run took.
     *
     * @param ties hands every relationship's two persons to the consumer it is given
     */
    static List<String> relatedTogether(List<String> subjects,
                                        Consumer<java.util.function.BiConsumer<String, String>> ties) {
        Map<String, String> parent = new HashMap<>();
        java.util.function.UnaryOperator<String> find = new java.util.function.UnaryOperator<>() {
            public String apply(String x) {
                String root = x;
                while (!parent.getOrDefault(root, root).equals(root)) {
                    root = parent.get(root);
                }
                for (String y = x; !y.equals(root); ) {   // path compression
                    String next = parent.get(y);
                    parent.put(y, root);
                    y = next;
                }
                return root;
            }
        };
        ties.accept((from, to) -> {
            String a = find.apply(from);
            String b = find.apply(to);
            if (!a.equals(b)) {
                parent.put(a.compareTo(b) < 0 ? b : a, a.compareTo(b) < 0 ? a : b);
            }
        });
        List<String> out = new ArrayList<>(subjects);
        Map<String, String> group = new HashMap<>();
        out.forEach(s -> group.put(s, find.apply(s)));
        out.sort(java.util.Comparator.comparing((String x) -> group.get(x)).thenComparing(x -> x));
        return out;
    }

    /**
     * Re-evaluates everyone whose family includes one of {@code touched} (the people who just gained events) and
     * raises what the change triggers. Subjects never evaluated before are compared with nothing, so a flag they
     * meet is new. As of the later of the subjects' last evaluation and the newest new event (never after today).
     *
     * @param newestNewEvent the date of the newest of the events just attached, if any
     */
    public Outcome reevaluate(Collection<String> touched, Optional<LocalDate> newestNewEvent) {
        long started = System.nanoTime();
        Set<String> subjects = new LinkedHashSet<>();
        for (String p : touched) {
            subjects.addAll(ids(family(p)));
        }
        LocalDate today = LocalDate.now(clock);
        Optional<LocalDate> fresh = newestNewEvent.map(d -> d.isAfter(today) ? today : d);
        Optional<LocalDate> last = results.latestAsOf(subjects);
        LocalDate day = fresh.isPresent() && last.isPresent()
                ? (fresh.get().isAfter(last.get()) ? fresh.get() : last.get())
                : fresh.or(() -> last).orElse(today);
        return evaluate(List.copyOf(subjects), chunk -> {
            Map<String, Family> out = new LinkedHashMap<>();
            chunk.forEach(s -> out.put(s, family(s)));
            return out;
        }, day, false, line -> { }, started);
    }

    private static List<String> ids(Family f) {
        return f.members().stream().map(PersonSummary::personId).toList();
    }

    private Family family(String anchor) {
        return Families.standard().around(anchor, people::relationshipsOf, people::persons);
    }

    /** What one chunk's evaluation needs from the store, read while the chunk before it is evaluated. */
    private record ChunkInput(List<String> subjects, Map<String, Family> families,
                              Map<String, List<ChronologyEvent>> eventsOf,
                              Map<Compiled, Map<String, Evaluation>> previous) {
    }

    /**
     * Chunk by chunk, in three overlapping steps: a reader thread reads the next chunk's families, events and stored
     * results while this thread evaluates the current one (and stores the alerts it raises), and a writer thread
     * saves the chunk before. On 2 cores the engine's CPU and PostgreSQL's then run side by side instead of in turn
     * (docs/benchmarks.md). Chunks hold distinct subjects, so reading a chunk's stored results never races with
     * saving another's. The run returns once every chunk is saved, or fails with the first step's failure.
     */
    private Outcome evaluate(List<String> subjects, Function<List<String>, Map<String, Family>> familiesOf,
                             LocalDate day,
                             boolean baselineAllowed, Consumer<String> progress, long started) {
        List<String> baselines = new ArrayList<>();
        Map<Compiled, Boolean> compare = new LinkedHashMap<>();
        for (Compiled c : rulebooks) {
            boolean first = !results.any(c.rulebook());
            if (first && baselineAllowed) {
                baselines.add(c.rulebook().reference());
            }
            compare.put(c, !(first && baselineAllowed));
        }
        Map<String, Integer> met = new LinkedHashMap<>();
        rulebooks.forEach(c -> c.rulebook().indicators().forEach(i -> met.put(i.id(), 0)));
        List<Alert> raised = new ArrayList<>();
        Instant now = clock.instant();
        List<List<String>> chunks = new ArrayList<>();
        for (int from = 0; from < subjects.size(); from += chunkSize) {
            chunks.add(subjects.subList(from, Math.min(subjects.size(), from + chunkSize)));
        }
        ExecutorService reader = Executors.newSingleThreadExecutor(daemon("indicators-read"));
        ExecutorService writer = Executors.newSingleThreadExecutor(daemon("indicators-write"));
        try {
            Future<ChunkInput> next = chunks.isEmpty() ? null
                    : reader.submit(() -> read(chunks.get(0), familiesOf, compare));
            Future<?> saved = CompletableFuture.completedFuture(null);
            int done = 0;
            for (int k = 0; k < chunks.size(); k++) {
                ChunkInput in = await(next);
                if (k + 1 < chunks.size()) {
                    List<String> following = chunks.get(k + 1);
                    next = reader.submit(() -> read(following, familiesOf, compare));
                }
                Map<Compiled, List<Evaluation>> evaluated = evaluate(in, compare, day, baselineAllowed, met, raised);
                await(saved);
                saved = writer.submit(() -> evaluated.forEach((c, list) -> results.save(c.rulebook(), list, now)));
                done += in.subjects().size();
                progress.accept(String.format(java.util.Locale.UK, "%,d of %,d subjects evaluated", done,
                        subjects.size()));
            }
            await(saved);
        } finally {
            stop(reader);
            stop(writer);
        }
        return new Outcome(subjects.size(), day, baselines, met, raised, (System.nanoTime() - started) / 1_000_000);
    }

    private ChunkInput read(List<String> chunk, Function<List<String>, Map<String, Family>> familiesOf,
                            Map<Compiled, Boolean> compare) {
        Map<String, Family> families = familiesOf.apply(chunk);
        Set<String> members = new LinkedHashSet<>();
        families.values().forEach(f -> members.addAll(ids(f)));
        Map<String, List<ChronologyEvent>> eventsOf = new HashMap<>();
        for (ChronologyEvent e : people.events(members)) {
            eventsOf.computeIfAbsent(e.personId(), k -> new ArrayList<>()).add(e);
        }
        Map<Compiled, Map<String, Evaluation>> previous = new HashMap<>();
        compare.forEach((c, compared) -> previous.put(c,
                compared ? results.loadAll(chunk, c.rulebook()) : Map.of()));
        return new ChunkInput(chunk, families, eventsOf, previous);
    }

    /** Evaluates one chunk under every rulebook, counting what is met and storing the alerts a change raises. */
    private Map<Compiled, List<Evaluation>> evaluate(ChunkInput in, Map<Compiled, Boolean> compare, LocalDate day,
                                                     boolean baselineAllowed, Map<String, Integer> met,
                                                     List<Alert> raised) {
        Map<Compiled, List<Evaluation>> out = new LinkedHashMap<>();
        for (Map.Entry<Compiled, Boolean> entry : compare.entrySet()) {
            Compiled c = entry.getKey();
            Map<String, Evaluation> previous = in.previous().get(c);
            List<Evaluation> evaluations = new ArrayList<>();
            for (String s : in.subjects()) {
                Family f = in.families().get(s);
                Optional<PersonSummary> subject = f.member(s);
                if (subject.isEmpty()) {
                    continue; // retired between listing and reading
                }
                List<ChronologyEvent> familyEvents = new ArrayList<>();
                ids(f).forEach(m -> familyEvents.addAll(in.eventsOf().getOrDefault(m, List.of())));
                Evaluation e = c.engine().evaluate(subject.get(), f, familyEvents, day);
                evaluations.add(e);
                e.results().stream().filter(r -> r.status() == Status.MET)
                        .forEach(r -> met.merge(r.indicatorId(), 1, Integer::sum));
                // A full run alerts only on a change from stored results: a subject it meets for the first time
                // (after an interrupted run, or a person a rebuild just made) is a baseline too. New arrivals
                // through intake are re-evaluated, and alerted, as they land.
                boolean compared = entry.getValue() && (!baselineAllowed || previous.containsKey(s));
                if (compared) {
                    for (Alert a : c.raising().raise(Optional.ofNullable(previous.get(s)), e,
                            in.eventsOf().getOrDefault(s, List.of()))) {
                        if (store(a)) {
                            raised.add(a);
                        }
                    }
                }
            }
            out.put(c, evaluations);
        }
        return out;
    }

    /** The step's result, or its failure as thrown there (a store's error keeps its message). */
    private static <T> T await(Future<T> step) {
        try {
            return step.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("indicator run interrupted", e);
        }
    }

    /** Stops a step's thread, letting a save in progress finish (its transaction commits or rolls back whole). */
    private static void stop(ExecutorService step) {
        step.shutdownNow();
        try {
            step.awaitTermination(1, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }

    /** Stores a new alert with its ALERT audit entry in one transaction; false if it was raised before. */
    private boolean store(Alert a) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                boolean fresh = alerts.raise(c, a);
                if (fresh) {
                    audit.append(c, new AuditEvent(UUID.randomUUID().toString(), a.raisedAt(), ENGINE, "threadline",
                            List.of(), PURPOSE, "", AuditAction.ALERT, a.subjectPersonId(), a.indicatorId(),
                            List.of(), List.of("TRIGGER=" + a.triggerId(), "RULEBOOK=" + a.rulebook(),
                            "ROUTED_TO=" + a.recipient().agency() + "/" + a.recipient().role(),
                            "EVIDENCE_EVENTS=" + a.evidence().size()), ""));
                }
                c.commit();
                return fresh;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new StoreException("Raising alert " + a.alertId() + " failed (nothing stored): "
                    + StoreException.reason(e),
                    StoreException.withoutValues(e));
        }
    }

    /** A subject's stored results under every rulebook, in rulebook order. */
    public Map<Rulebook, Evaluation> stored(String personId) {
        Map<Rulebook, Evaluation> out = new LinkedHashMap<>();
        rulebooks.forEach(c -> results.load(personId, c.rulebook()).ifPresent(e -> out.put(c.rulebook(), e)));
        return out;
    }

    /** Every subject's stored status per indicator (the accuracy measure reads these). */
    public Map<String, Map<String, Status>> storedStatuses(Collection<String> personIds) {
        Map<String, Map<String, Status>> out = new TreeMap<>();
        List<String> ids = List.copyOf(personIds);
        for (int from = 0; from < ids.size(); from += CHUNK) {
            List<String> chunk = ids.subList(from, Math.min(ids.size(), from + CHUNK));
            for (Compiled c : rulebooks) {
                results.loadAll(chunk, c.rulebook()).forEach((s, e) -> {
                    Map<String, Status> m = out.computeIfAbsent(s, k -> new LinkedHashMap<>());
                    for (IndicatorResult r : e.results()) {
                        m.put(r.indicatorId(), r.status());
                    }
                });
            }
        }
        return out;
    }
}
