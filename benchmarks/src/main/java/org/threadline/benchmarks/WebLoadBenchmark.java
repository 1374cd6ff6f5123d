package org.threadline.benchmarks;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.threadline.store.Database;
import org.threadline.store.governance.CaseStore;

/**
 * Issue #8's load figure: concurrent users browsing person pages of a running {@code ./threadline serve}, measured
 * from this second process over loopback.
 *
 * <pre>
 * sample HOME OUT COUNT SEED
 *     person ids with at least one event, drawn at random from the built store under HOME (run it before serving:
 *     the embedded database admits one process)
 * run URL IDS USERS WARMUP_S MEASURE_S THINK_MS SEED USER PASSWORD PURPOSE [CASE]
 *     each virtual user signs in with its own session, declares the purpose, then loads person pages drawn at random
 *     from IDS, waiting a random think time (exponential, mean THINK_MS; 0 = none) between pages. Latency is the
 *     full response (headers and body) of every page started after the warm-up.
 * open-case HOME IDS AGENCY REFERENCE
 *     opens the case REFERENCE of AGENCY in the case register of the store under HOME (before serving) and links
 *     every person in IDS to it, so that pages read under the case pass the register's check as in production
 *     (benchmark set-up: the links are written through the register's store in one transaction, without the
 *     CASE_CHANGE audit entries the cases command writes one by one)
 * sample-queries HOME OUT COUNT SEED
 *     "find a person" queries made from person records drawn at random (name and date of birth; surname and the
 *     start of the postcode; full name alone; an identifier), one per line: name|date of birth|postcode|identifier
 * search URL QUERIES USERS WARMUP_S MEASURE_S THINK_MS SEED USER PASSWORD PURPOSE [CASE]
 *     as run, but each step is a search (the results page of POST /people/find) drawn at random from QUERIES
 * cohorts URL INDICATORS USERS WARMUP_S MEASURE_S THINK_MS SEED USER PASSWORD PURPOSE
 *     as run, but each step is the analyst's cohort page for one of INDICATORS (comma-separated ids) at a random
 *     area level; with one user and no warm-up, the first view after the server starts is the whole count (the
 *     maximum), the rest are views of kept counts (ADR 0034)
 * </pre>
 */
public final class WebLoadBenchmark {
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private WebLoadBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length >= 4 && args[0].equals("sample")) {
            sample(Path.of(args[1]), Path.of(args[2]), Integer.parseInt(args[3]),
                    args.length > 4 ? Long.parseLong(args[4]) : 1);
        } else if (args.length >= 11 && args[0].equals("run")) {
            List<String> ids = lines(args[2]);
            run(args, "person pages", (session, random) ->
                    session.get("/people/" + ids.get(random.nextInt(ids.size()))).statusCode());
        } else if (args.length >= 5 && args[0].equals("open-case")) {
            openCase(Path.of(args[1]), lines(args[2]), args[3], args[4]);
        } else if (args.length >= 5 && args[0].equals("sample-queries")) {
            sampleQueries(Path.of(args[1]), Path.of(args[2]), Integer.parseInt(args[3]), Long.parseLong(args[4]));
        } else if (args.length >= 11 && args[0].equals("search")) {
            List<String> queries = lines(args[2]);
            run(args, "searches", (session, random) -> {
                String[] q = queries.get(random.nextInt(queries.size())).split("\\|", -1);
                // The CSRF token of the last page (every page carries the sign-out form) is valid for the session.
                return session.post("/people/find", Map.of("name", q[0], "dateOfBirth", q[1], "postcode", q[2],
                        "identifier", q[3])).statusCode();
            });
        } else if (args.length >= 11 && args[0].equals("cohorts")) {
            List<String> indicators = List.of(args[2].split(","));
            String[] levels = {"AREA", "DISTRICT"};
            run(args, "cohort views", (session, random) -> session.get("/cohorts?indicator="
                    + indicators.get(random.nextInt(indicators.size())) + "&level=" + levels[random.nextInt(2)])
                    .statusCode());
        } else {
            System.err.println("usage: sample HOME OUT COUNT [SEED] | run URL IDS USERS WARMUP_S MEASURE_S THINK_MS"
                    + " SEED USER PASSWORD PURPOSE [CASE] | open-case HOME IDS AGENCY REFERENCE | sample-queries HOME OUT COUNT SEED | search URL QUERIES"
                    + " USERS WARMUP_S MEASURE_S THINK_MS SEED USER PASSWORD PURPOSE [CASE] | cohorts URL INDICATORS"
                    + " USERS WARMUP_S MEASURE_S THINK_MS SEED USER PASSWORD PURPOSE");
            System.exit(2);
        }
    }

    static void sample(Path home, Path out, int count, long seed) throws Exception {
        try (Database db = Database.embedded(home.resolve("db"));
             Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute("SELECT setseed(" + (seed % 1000) / 1000.0 + ")");
            List<String> ids = new ArrayList<>();
            try (ResultSet r = s.executeQuery("SELECT p.person_id FROM person p WHERE p.state <> 'RETIRED' AND EXISTS"
                    + " (SELECT 1 FROM chronology_event e WHERE e.person_id = p.person_id) ORDER BY random() LIMIT "
                    + count)) {
                while (r.next()) {
                    ids.add(r.getString(1));
                }
            }
            Files.write(out, ids);
            System.out.printf(Locale.UK, "%,d person ids written to %s%n", ids.size(), out);
        }
    }

    static void openCase(Path home, List<String> ids, String agency, String reference) throws Exception {
        try (Database db = Database.embedded(home.resolve("db")); Connection c = db.dataSource().getConnection()) {
            c.setAutoCommit(false);
            CaseStore cases = new CaseStore(db.dataSource());
            Instant now = Instant.now();
            System.out.println("open " + reference + ": " + cases.open(c, agency, reference, "benchmark", now));
            Map<CaseStore.Outcome, Integer> outcomes = new java.util.EnumMap<>(CaseStore.Outcome.class);
            for (String id : ids) {
                outcomes.merge(cases.link(c, agency, reference, id, "benchmark", now), 1, Integer::sum);
            }
            c.commit();
            System.out.println("links: " + outcomes);
        }
    }

    /** One step of a virtual user: a request, answering its status. */
    interface Step {
        int take(Session session, SplittableRandom random) throws IOException, InterruptedException;
    }

    private static List<String> lines(String file) throws IOException {
        return Files.readAllLines(Path.of(file)).stream().filter(x -> !x.isBlank()).toList();
    }

    static void sampleQueries(Path home, Path out, int count, long seed) throws Exception {
        try (Database db = Database.embedded(home.resolve("db"));
             Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute("SELECT setseed(" + (seed % 1000) / 1000.0 + ")");
            List<String> queries = new ArrayList<>();
            try (ResultSet r = s.executeQuery("SELECT identity->>'forename', identity->>'surname',"
                    + " identity->>'date_of_birth', identity->>'postcode', coalesce(nullif(identity->>'nhs_number',"
                    + " ''), nullif(identity->>'upn', ''), nullif(identity->>'pnc_id', ''), '') FROM person_record"
                    + " TABLESAMPLE SYSTEM (1) WHERE identity->>'surname' <> '' ORDER BY random() LIMIT " + count)) {
                int i = 0;
                while (r.next()) {
                    String fore = r.getString(1) == null ? "" : r.getString(1).split(" ")[0];
                    String sur = r.getString(2);
                    String dob = r.getString(3) == null ? "" : r.getString(3);
                    String postcode = r.getString(4) == null ? "" : r.getString(4);
                    String id = r.getString(5);
                    String query = switch (i++ % 4) {
                        case 0 -> fore + " " + sur + "|" + dob + "||";
                        case 1 -> sur + "||" + (postcode.length() > 4 ? postcode.substring(0, 4) : postcode) + "|";
                        case 2 -> fore + " " + sur + "|||";
                        default -> id.isEmpty() ? fore + " " + sur + "|" + dob + "||" : "|||" + id;
                    };
                    queries.add(query);
                }
            }
            Files.write(out, queries);
            System.out.printf(Locale.UK, "%,d queries written to %s%n", queries.size(), out);
        }
    }

    static void run(String[] a, String what, Step step) throws Exception {
        String base = a[1].replaceAll("/$", "");
        int users = Integer.parseInt(a[3]);
        long warmupNanos = Duration.ofSeconds(Long.parseLong(a[4])).toNanos();
        long measureNanos = Duration.ofSeconds(Long.parseLong(a[5])).toNanos();
        double thinkMs = Double.parseDouble(a[6]);
        long seed = Long.parseLong(a[7]);
        String user = a[8];
        String password = a[9];
        String purpose = a[10];
        String caseReference = a.length > 11 ? a[11] : "";

        long[] window = new long[2]; // measure from, end: set once every user has signed in
        long[][] latencies = new long[users][];
        int[] counts = new int[users];
        Map<Integer, AtomicLong> statuses = new ConcurrentHashMap<>();
        AtomicLong failures = new AtomicLong();
        CountDownLatch signedIn = new CountDownLatch(users);
        CountDownLatch go = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        for (int u = 0; u < users; u++) {
            int me = u;
            SplittableRandom random = new SplittableRandom(seed * 7919 + u);
            Thread t = new Thread(() -> {
                long[] mine = new long[1 << 16];
                int n = 0;
                boolean ready = false;
                try {
                    Session session = new Session(base);
                    session.signIn(user, password, purpose, caseReference);
                    ready = true;
                    signedIn.countDown();
                    go.await();
                    long measureFrom = window[0];
                    long end = window[1];
                    while (true) {
                        long t0 = System.nanoTime();
                        if (t0 >= end) {
                            break;
                        }
                        int status = step.take(session, random);
                        long t1 = System.nanoTime();
                        statuses.computeIfAbsent(status, k -> new AtomicLong()).incrementAndGet();
                        if (t0 >= measureFrom && status == 200) {
                            if (n == mine.length) {
                                mine = Arrays.copyOf(mine, n * 2);
                            }
                            mine[n++] = t1 - t0;
                        }
                        if (thinkMs > 0) {
                            Thread.sleep((long) (-Math.log(1 - random.nextDouble()) * thinkMs));
                        }
                    }
                } catch (Exception e) {
                    failures.incrementAndGet();
                    System.err.println("user " + me + ": " + e);
                    if (!ready) {
                        signedIn.countDown();
                    }
                }
                latencies[me] = mine;
                counts[me] = n;
            }, "user-" + u);
            threads.add(t);
            t.start();
        }
        signedIn.await(); // sign-in hashes passwords: keep it out of the measurement
        window[0] = System.nanoTime() + warmupNanos;
        window[1] = window[0] + measureNanos;
        go.countDown(); // publishes window to the users
        for (Thread t : threads) {
            t.join();
        }
        int total = Arrays.stream(counts).sum();
        long[] all = new long[total];
        int at = 0;
        for (int u = 0; u < users; u++) {
            if (latencies[u] != null) {
                System.arraycopy(latencies[u], 0, all, at, counts[u]);
                at += counts[u];
            }
        }
        Arrays.sort(all);
        double seconds = measureNanos / 1e9;
        System.out.printf(Locale.UK, "%d users, think %.0f ms, %d s measured after %d s warm-up; %,d %s"
                        + " (%,.1f a second); statuses %s; users failed %d%n", users, thinkMs, (long) seconds,
                warmupNanos / 1_000_000_000L, total, what, total / seconds, statuses.entrySet().stream()
                        .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(", ")), failures.get());
        if (total > 0) {
            System.out.printf(Locale.UK, "p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms%n", ms(all, 0.50),
                    ms(all, 0.95), ms(all, 0.99), all[total - 1] / 1e6);
        }
    }

    private static double ms(long[] sorted, double q) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1)] / 1e6;
    }

    /** One user's browser session: cookies, and the CSRF token of the last form. */
    private static final class Session {
        private final String base;
        private final HttpClient http;
        private String csrf = "";

        Session(String base) {
            this.base = base;
            this.http = HttpClient.newBuilder().cookieHandler(new CookieManager()).version(HttpClient.Version.HTTP_1_1)
                    .followRedirects(HttpClient.Redirect.NEVER).build();
        }

        void signIn(String user, String password, String purpose, String caseReference) throws Exception {
            get("/sign-in");
            expectRedirect(post("/sign-in", Map.of("username", user, "password", password)), "sign-in");
            get("/purpose");
            expectRedirect(post("/purpose", Map.of("purpose", purpose, "caseReference", caseReference)), "purpose");
        }

        /** A redirect onwards; a redirect back to the same form is a refusal (wrong password, locked, bad purpose). */
        private static void expectRedirect(HttpResponse<String> r, String step) {
            String to = r.headers().firstValue("Location").orElse("");
            if (r.statusCode() != 302 && r.statusCode() != 303 || to.contains("/" + step)) {
                throw new IllegalStateException(step + " answered " + r.statusCode() + " " + to);
            }
        }

        HttpResponse<String> get(String path) throws IOException, InterruptedException {
            return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
        }

        HttpResponse<String> post(String path, Map<String, String> form) throws IOException, InterruptedException {
            String body = form.entrySet().stream().map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
                    .collect(Collectors.joining("&")) + "&_csrf=" + enc(csrf);
            return send(HttpRequest.newBuilder(URI.create(base + path))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body)));
        }

        private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
            HttpResponse<String> r = http.send(request.timeout(Duration.ofSeconds(60)).build(),
                    HttpResponse.BodyHandlers.ofString());
            Matcher m = CSRF.matcher(r.body());
            if (m.find()) {
                csrf = m.group(1);
            }
            return r;
        }

        private static String enc(String s) {
            return URLEncoder.encode(s, StandardCharsets.UTF_8);
        }
    }
}
