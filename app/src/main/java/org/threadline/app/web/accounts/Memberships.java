package org.threadline.app.web.accounts;

import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The organisations each person works for within their agency ({@code account_organisation}, migration V13): a
 * designated safeguarding lead works for one school, so an Operation Encompass alert routed to a child's school
 * reaches that school's lead and not every school's. {@value #EVERY} stands for every organisation of the agency.
 * Kept apart from the account itself so that people signing in through an identity provider can be linked too.
 */
@Repository
public class Memberships {
    /** Every organisation of the person's agency. */
    public static final String EVERY = "*";

    private final JdbcClient jdbc;

    public Memberships(DataSource dataSource) {
        this.jdbc = JdbcClient.create(dataSource);
    }

    public Set<String> of(String username) {
        return new TreeSet<>(jdbc.sql("SELECT organisation FROM account_organisation WHERE username = :username")
                .param("username", username).query(String.class).list());
    }

    public void link(String username, String organisation) {
        jdbc.sql("INSERT INTO account_organisation (username, organisation) VALUES (:username, :organisation)"
                        + " ON CONFLICT DO NOTHING")
                .param("username", username).param("organisation", organisation).update();
    }

    public void unlinkAll(String username) {
        jdbc.sql("DELETE FROM account_organisation WHERE username = :username").param("username", username).update();
    }

    /**
     * Whether a person working for {@code organisations} receives an alert routed to {@code routedTo}. An alert its
     * rule routes to the agency as a whole reaches everyone in the agency; one its rule routes to an organisation
     * reaches that organisation's people, or, when the organisation was not known (a child with no school on record),
     * only those working for every organisation ({@value #EVERY}), never every school's lead.
     */
    public static boolean receives(Set<String> organisations, Optional<String> routedTo, boolean toAnOrganisation) {
        if (organisations.contains(EVERY)) {
            return true;
        }
        return routedTo.map(organisations::contains).orElse(!toAnOrganisation);
    }
}
