package org.threadline.app.web.home;

import org.threadline.app.web.accounts.Account;
import org.threadline.app.web.purpose.DeclaredPurpose;

/**
 * A journey offered on the home page. Implemented by the feature that serves it (find a person, alerts, review
 * queue...), so the home page never lists a page that does not exist.
 */
public interface Journey {
    /** Where the journey starts. */
    String path();

    /** Its link text. */
    String title();

    /** One sentence saying what it is for. */
    String description();

    /** Whether this person, with this declared purpose, may start it (the page itself decides again). */
    boolean availableTo(Account account, DeclaredPurpose purpose);

    /** Lower first. */
    default int order() {
        return 100;
    }
}
