package org.threadline.app.web.governance;

import java.nio.file.Path;
import java.time.Clock;
import javax.sql.DataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.threadline.app.home.ThreadlineHome;
import org.threadline.app.web.access.AccessConfiguration;
import org.threadline.app.web.accounts.Account;
import org.threadline.app.web.home.Journey;
import org.threadline.app.web.purpose.DeclaredPurpose;

/** The agreements as read for the governance pages, the audit log's overseer, and the home page's link. */
@Configuration
public class GovernanceConfiguration {

    @Bean
    AgreementLibrary agreementLibrary() {
        return AgreementLibrary.read(AccessConfiguration.root().resolve("config/agreements"));
    }

    /** THREADLINE_HOME as the audit log's writer has it ({@code threadline.home}, else the environment). */
    @Bean
    AuditOversight auditOversight(DataSource dataSource, AgreementLibrary library, Clock clock,
                                  Environment environment) {
        String home = environment.getProperty("threadline.home");
        ThreadlineHome h = home == null ? ThreadlineHome.fromEnvironment(System.getenv())
                : new ThreadlineHome(Path.of(home));
        return new AuditOversight(dataSource, h, library, clock);
    }

    @Bean
    Journey informationGovernance() {
        return new Journey() {
            public String path() {
                return "/governance";
            }

            public String title() {
                return "Information governance";
            }

            public String description() {
                return "Sharing agreements and their permission matrix, what a new version changes, the audit log"
                        + " and its verification, break-glass uses to review, and subject access requests with their"
                        + " due dates and exports.";
            }

            public boolean availableTo(Account account, DeclaredPurpose purpose) {
                return Oversight.PURPOSE.equals(purpose.code());
            }

            public int order() {
                return 50;
            }
        };
    }
}
