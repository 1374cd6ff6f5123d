package org.threadline.app.web.people;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.threadline.app.web.accounts.Account;
import org.threadline.app.web.home.Journey;
import org.threadline.app.web.purpose.DeclaredPurpose;

/** The people journeys on the home page: offered for safeguarding purposes (each page still asks the PDP). */
@Configuration
public class PeopleJourneys {

    static boolean safeguarding(DeclaredPurpose purpose) {
        return purpose.code().startsWith("SAFEGUARDING.");
    }

    @Bean
    Journey findPerson() {
        return new Journey() {
            public String path() {
                return "/people/find";
            }

            public String title() {
                return "Find a person";
            }

            public String description() {
                return "Search by name, date of birth, postcode or identifier across every agency's records.";
            }

            public boolean availableTo(Account account, DeclaredPurpose purpose) {
                return safeguarding(purpose);
            }

            public int order() {
                return 10;
            }
        };
    }

    @Bean
    Journey reviewQueue() {
        return new Journey() {
            public String path() {
                return "/review";
            }

            public String title() {
                return "Review uncertain links";
            }

            public String description() {
                return "Decide whether two records are the same person, with the evidence side by side.";
            }

            public boolean availableTo(Account account, DeclaredPurpose purpose) {
                return safeguarding(purpose);
            }

            public int order() {
                return 30;
            }
        };
    }
}
