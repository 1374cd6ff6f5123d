package org.threadline.app.cli;

import java.io.PrintWriter;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Function;
import org.threadline.app.apikeys.ApiKey;
import org.threadline.app.apikeys.ApiKeys;
import org.threadline.app.home.ThreadlineHome;
import org.threadline.app.web.accounts.Agency;
import org.threadline.app.web.accounts.Role;
import org.threadline.store.Database;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code ./threadline api-keys}: keys for partner systems calling the REST API (docs/api.md). A key is printed once,
 * when it is made; only the SHA-256 of its secret is stored.
 */
@Command(name = "api-keys", mixinStandardHelpOptions = true,
        description = {"Make, list and revoke API keys for partner systems calling the REST API (docs/api.md).",
            "Uses THREADLINE_DB_URL if set, else embedded PostgreSQL under THREADLINE_HOME/db."},
        subcommands = {ApiKeysCommand.Create.class, ApiKeysCommand.ListKeys.class, ApiKeysCommand.Revoke.class})
final class ApiKeysCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                "Name an api-keys command: create, list or revoke.");
    }

    /** Opens the database of the environment for one command. */
    static <T> T withKeys(Map<String, String> environment, Function<ApiKeys, T> work) throws Exception {
        ThreadlineHome home = ThreadlineHome.fromEnvironment(environment).create();
        try (Database db = Database.open(environment, home.database())) {
            return work.apply(new ApiKeys(db.dataSource(), new SecureRandom()));
        }
    }

    @Command(name = "create", mixinStandardHelpOptions = true,
            description = {"Make a key for one agency and role, and print it once: it cannot be shown again.",
                "The key works like a person of that agency and role: every call declares a purpose the role may"
                + " declare, and the policy decision point decides what it returns."})
    static final class Create implements Callable<Integer> {
        @Option(names = "--agency", required = true, description = "One of: ${COMPLETION-CANDIDATES}.")
        Agency agency;

        @Option(names = "--role", required = true, description = "One of: ${COMPLETION-CANDIDATES}.")
        Role role;

        @Option(names = "--name", required = true, description = "The system that will hold the key"
                + " (housing-cms): 3 to 56 lower-case letters, digits, '.', '_' or '-'. Never reused.")
        String name;

        @Option(names = "--organisation", paramLabel = "ID", description = "An organisation of the agency the key"
                + " works for, as a person of that agency may: a school's URN for a school's system, or '*' for every"
                + " one (a local authority's). Repeatable. Alerts a rulebook routes to one organisation (Operation"
                + " Encompass: the child's school) reach only keys working for it; with none, the key receives only"
                + " alerts routed to the agency as a whole.")
        List<String> organisations = new java.util.ArrayList<>();

        @Spec
        CommandSpec spec;

        private final Map<String, String> environment;

        Create() {
            this(System.getenv());
        }

        Create(Map<String, String> environment) {
            this.environment = Map.copyOf(environment);
        }

        @Override
        public Integer call() throws Exception {
            PrintWriter out = spec.commandLine().getOut();
            ApiKeys.Created made = withKeys(environment, keys -> {
                try {
                    return keys.create(name, agency.name(), role.name(), organisations, System.getProperty("user.name",
                            "unknown"), Clock.systemUTC().instant());
                } catch (IllegalArgumentException e) {
                    throw new UsageException(e.getMessage());
                }
            });
            out.println("Made API key '" + name + "' for " + agency.label() + ", " + role.label()
                    + (organisations.isEmpty() ? "" : ", working for " + String.join(", ", organisations)) + ".");
            out.println("The key (shown this once; store it in the partner system's secret store):");
            out.println();
            out.println("  " + made.secretKey());
            out.println();
            out.println("Send it as 'Authorization: Bearer <key>'. Revoke it with: ./threadline api-keys revoke "
                    + name);
            return 0;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "List the keys: name, agency, role, made, last used, revoked, organisations (never the key"
                    + " itself).")
    static final class ListKeys implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        private final Map<String, String> environment;

        ListKeys() {
            this(System.getenv());
        }

        ListKeys(Map<String, String> environment) {
            this.environment = Map.copyOf(environment);
        }

        @Override
        public Integer call() throws Exception {
            PrintWriter out = spec.commandLine().getOut();
            Map<ApiKey, List<String>> all = withKeys(environment, keys -> {
                Map<ApiKey, List<String>> byKey = new java.util.LinkedHashMap<>();
                keys.all().forEach(k -> byKey.put(k, keys.organisations(k.name())));
                return byKey;
            });
            if (all.isEmpty()) {
                out.println("No API keys. Make one with: ./threadline api-keys create --agency A --role R --name N");
                return 0;
            }
            out.println(String.format(Locale.UK, "%-28s %-22s %-28s %-20s %-20s %-20s %s", "NAME", "AGENCY", "ROLE",
                    "MADE", "LAST USED", "REVOKED", "ORGANISATIONS"));
            all.forEach((k, organisations) -> out.println(String.format(Locale.UK,
                    "%-28s %-22s %-28s %-20s %-20s %-20s %s", k.name(), k.agency(),
                    k.role(), k.createdAt().toString().substring(0, 19),
                    k.lastUsedAt().map(t -> t.toString().substring(0, 19)).orElse("never"),
                    k.revokedAt().map(t -> t.toString().substring(0, 19)).orElse("-"),
                    organisations.isEmpty() ? "-" : String.join(",", organisations))));
            return 0;
        }
    }

    @Command(name = "revoke", mixinStandardHelpOptions = true,
            description = "Revoke a key by name: it stops working at once and its name is never reused.")
    static final class Revoke implements Callable<Integer> {
        @Parameters(paramLabel = "NAME", description = "The key's name.")
        String name;

        @Spec
        CommandSpec spec;

        private final Map<String, String> environment;

        Revoke() {
            this(System.getenv());
        }

        Revoke(Map<String, String> environment) {
            this.environment = Map.copyOf(environment);
        }

        @Override
        public Integer call() throws Exception {
            boolean revoked = withKeys(environment, keys -> keys.revoke(name, Clock.systemUTC().instant()));
            if (!revoked) {
                throw new UsageException("no key named '" + name + "' that is still in force"
                        + " (./threadline api-keys list shows them)");
            }
            spec.commandLine().getOut().println("Revoked API key '" + name + "'.");
            return 0;
        }
    }
}
