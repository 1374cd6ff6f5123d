/**
 * Local accounts: who a person is (username, display name, agency, roles), their password hash, and the lockout
 * after repeated failed sign-ins. Stored in the {@code accounts} table (migration V5). Demo accounts for several
 * agencies and roles are created by {@link org.threadline.app.web.accounts.DemoAccounts} with fresh random
 * passwords that are printed, never stored in the repository.
 */
package org.threadline.app.web.accounts;
