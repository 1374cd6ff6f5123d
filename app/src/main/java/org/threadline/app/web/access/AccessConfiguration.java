package org.threadline.app.web.access;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import javax.sql.DataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.threadline.app.audit.InstalledAuditLog;
import org.threadline.app.home.ThreadlineHome;
import org.threadline.app.people.PeopleQueries;
import org.threadline.app.people.PersonSearch;
import org.threadline.domain.chronology.EventVocabulary;
import org.threadline.domain.governance.agreements.AgreementRegistry;
import org.threadline.domain.governance.agreements.Agreements;
import org.threadline.domain.governance.policy.CaseRegister;
import org.threadline.domain.governance.policy.PolicyDecisionPoint;
import org.threadline.domain.names.FamiliarForms;
import org.threadline.store.audit.AuditStore;
import org.threadline.store.people.PeopleStore;

/**
 * The policy decision point on the installation's signed agreements ({@code config/agreements}, checked as
 * {@code ./threadline agreements check} does: a bad signature stops the web app) and the case register
 * ({@code web.cases.CasesConfiguration}), the audit log with
 * THREADLINE_HOME's checkpoint key, and the people queries the pages read.
 */
@Configuration
public class AccessConfiguration {

    /** The folder holding {@code config/}: {@code threadline.root}, else the working folder or its parent. */
    public static Path root() {
        Path configured = Path.of(System.getProperty("threadline.root", "."));
        if (!Files.isDirectory(configured.resolve("config/agreements"))
                && Files.isDirectory(Path.of("..", "config", "agreements"))) {
            return Path.of("..");
        }
        return configured;
    }

    /** The signed agreements in force here; break-glass reads its rule from the same ones the PDP decides on. */
    @Bean
    AgreementRegistry agreementRegistry() {
        Path folder = root().resolve("config/agreements");
        return AgreementRegistry.of(Agreements.loadFolder(folder,
                Agreements.loadKeys(folder.resolve("keys/trusted-keys.yaml"))));
    }

    @Bean
    PolicyDecisionPoint policyDecisionPoint(AgreementRegistry registry, CaseRegister cases, Clock clock) {
        return new PolicyDecisionPoint(registry, cases, clock);
    }

    @Bean
    AccessPolicy accessPolicy(PolicyDecisionPoint pdp, DataSource dataSource) {
        return AccessPolicy.installed(pdp, root().resolve("config"), dataSource);
    }

    @Bean
    ViewAudit viewAudit(DataSource dataSource, Clock clock, Environment environment) {
        String home = environment.getProperty("threadline.home");
        ThreadlineHome h = home == null ? ThreadlineHome.fromEnvironment(System.getenv()) : new ThreadlineHome(
                Path.of(home));
        try {
            AuditStore store = InstalledAuditLog.store(h.create(), clock);
            return new ViewAudit(dataSource, store, clock);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the audit log's key in " + h.root(), e);
        }
    }

    @Bean
    PeopleStore peopleStore(DataSource dataSource) {
        return new PeopleStore(dataSource);
    }

    @Bean
    PeopleQueries peopleQueries(PeopleStore store) {
        return new PeopleQueries(store, EventVocabulary.read(root().resolve("config/chronology/events.yaml")));
    }

    @Bean
    PersonSearch personSearch() {
        return new PersonSearch(FamiliarForms.load());
    }
}
