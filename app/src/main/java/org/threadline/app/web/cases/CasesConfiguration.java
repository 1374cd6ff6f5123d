package org.threadline.app.web.cases;

import java.time.Clock;
import javax.sql.DataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.threadline.app.web.access.AccessConfiguration;
import org.threadline.app.web.access.DeclaredCaseRegister;
import org.threadline.app.web.access.ViewAudit;
import org.threadline.app.web.accounts.Account;
import org.threadline.app.web.home.Journey;
import org.threadline.app.web.purpose.DeclaredPurpose;
import org.threadline.domain.governance.policy.CaseRegister;
import org.threadline.store.governance.CaseStore;
import org.threadline.store.governance.StoredCaseRegister;

/**
 * The case register (V20) the decision point asks, who may manage it ({@code config/governance/cases.yaml}) and the
 * service the pages use; in the declared mode ({@code threadline.cases.register=declared}) the decision point takes
 * declared references on trust instead (ADR 0027).
 */
@Configuration
public class CasesConfiguration {

    @Bean
    CaseRegisterMode caseRegisterMode(Environment environment) {
        return CaseRegisterMode.of(environment.getProperty(CaseRegisterMode.PROPERTY));
    }

    @Bean
    CaseStore caseStore(DataSource dataSource) {
        return new CaseStore(dataSource);
    }

    @Bean
    CaseRegister caseRegister(CaseRegisterMode mode, CaseStore store, Clock clock) {
        return register(mode, store, clock);
    }

    /** The register for a mode: the stored one, or the declared stop-gap. The command line builds it the same way. */
    public static CaseRegister register(CaseRegisterMode mode, CaseStore store, Clock clock) {
        return mode.declared() ? new DeclaredCaseRegister()
                : new StoredCaseRegister(store, clock, StoredCaseRegister.DEFAULT_FRESH);
    }

    @Bean
    CaseManagers caseManagers() {
        return CaseManagers.read(AccessConfiguration.root().resolve(CaseManagers.FILE));
    }

    @Bean
    Journey casesJourney(CaseManagers managers) {
        return new Journey() {
            public String path() {
                return "/cases";
            }

            public String title() {
                return "Your agency's cases";
            }

            public String description() {
                return "Open cases, link the people each is about, unlink them and close cases: a purpose that needs"
                        + " a case shows someone only while the case is open and links them.";
            }

            public boolean availableTo(Account account, DeclaredPurpose purpose) {
                return managers.manages(account) && managers.purpose().equals(purpose.code());
            }

            public int order() {
                return 3;
            }
        };
    }

    @Bean
    Cases cases(CaseStore store, CaseManagers managers, ViewAudit audit, CaseRegister register, Clock clock) {
        return new Cases(store, managers, audit, register, clock);
    }
}
