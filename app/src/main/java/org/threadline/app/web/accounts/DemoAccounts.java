package org.threadline.app.web.accounts;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * The demo's accounts: one person per agency and role that the journeys are shown for. Every call gives each a
 * new random password (returned so that the demo can print it) and lifts any lock: no password is ever written
 * into the repository, and a demo run always starts from accounts that work. All names are synthetic.
 */
@Component
public class DemoAccounts {
    /** The demo's people; documented in docs/web.md. */
    public static final List<Account> ACCOUNTS = List.of(
            new Account("police.safeguarding", "Sam Okafor (demo)", Agency.POLICE, Set.of(Role.SAFEGUARDING_OFFICER)),
            new Account("school.dsl", "Priya Shah (demo)", Agency.SCHOOLS,
                    Set.of(Role.DESIGNATED_SAFEGUARDING_LEAD)),
            new Account("social.worker", "Jordan Reid (demo)", Agency.CHILDRENS_SOCIAL_CARE,
                    Set.of(Role.SOCIAL_WORKER)),
            new Account("health.safeguarding", "Alex Morgan (demo)", Agency.HEALTH,
                    Set.of(Role.SAFEGUARDING_OFFICER)),
            new Account("analyst", "Chris Patel (demo)", Agency.LOCAL_AUTHORITY, Set.of(Role.ANALYST)),
            new Account("dpo", "Morgan Evans (demo)", Agency.LOCAL_AUTHORITY, Set.of(Role.DATA_PROTECTION_OFFICER)),
            new Account("housing.data", "Robin Hughes (demo)", Agency.HOUSING, Set.of(Role.PARTNER_DATA_OWNER)),
            new Account("edt.duty", "Casey Brooks (demo)", Agency.CHILDRENS_SOCIAL_CARE,
                    Set.of(Role.EMERGENCY_DUTY_SOCIAL_WORKER)),
            // The MASH duty manager: the out-of-hours team's line manager, told of each of its break-glass uses
            // (config/governance/break-glass-notifications.yaml, ADR 0026).
            new Account("mash.manager", "Taylor Quinn (demo)", Agency.CHILDRENS_SOCIAL_CARE,
                    Set.of(Role.SAFEGUARDING_OFFICER)));

    // Letters and digits that cannot be misread for one another when printed (no 0/O, 1/l/I).
    private static final char[] ALPHABET = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789".toCharArray();

    private final AccountStore store;
    private final PasswordEncoder encoder;
    private final Memberships memberships;
    private final org.threadline.store.indicators.AlertStore alerts;
    private final SecureRandom random = new SecureRandom();

    public DemoAccounts(AccountStore store, PasswordEncoder encoder, Memberships memberships,
                        org.threadline.store.indicators.AlertStore alerts) {
        this.store = store;
        this.encoder = encoder;
        this.memberships = memberships;
        this.alerts = alerts;
    }

    /** An account and the password it was just given. */
    public record Login(Account account, String password) {
    }

    /**
     * Creates or resets every demo account with a fresh password; returns the logins to print. The demo's one
     * designated safeguarding lead works for the school(s) the held Operation Encompass alerts are routed to (in the
     * demo, the school of the child in its incident), so the story's alert reaches them and other schools' would not.
     */
    public List<Login> createOrReset() {
        List<Login> logins = new ArrayList<>();
        for (Account account : ACCOUNTS) {
            String password = newPassword();
            store.save(account, encoder.encode(password));
            logins.add(new Login(account, password));
        }
        memberships.unlinkAll("school.dsl");
        alerts.forAgency("schools").forEach(a -> a.recipient().organisation()
                .ifPresent(school -> memberships.link("school.dsl", school)));
        return logins;
    }

    private String newPassword() {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < 16; i++) {
            if (i > 0 && i % 4 == 0) {
                s.append('-');
            }
            s.append(ALPHABET[random.nextInt(ALPHABET.length)]);
        }
        return s.toString();
    }
}
