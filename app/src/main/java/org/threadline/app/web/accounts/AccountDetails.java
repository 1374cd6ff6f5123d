package org.threadline.app.web.accounts;

import java.time.Clock;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;

/** Looks accounts up for Spring Security; an account whose lock is in force is reported as locked. */
@Service
public class AccountDetails implements UserDetailsService {
    private final AccountStore store;
    private final Clock clock;

    public AccountDetails(AccountStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        return store.find(username)
                .map(stored -> new SignedInUser(stored, stored.lockedAt(clock.instant())))
                // The message never reaches the page: every failure shows the same words (no username probing).
                .orElseThrow(() -> new UsernameNotFoundException("no such account"));
    }
}
