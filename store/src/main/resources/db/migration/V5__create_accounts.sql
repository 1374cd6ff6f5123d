-- Local accounts for the web application (issue #8). An OIDC login can replace them in production; until then a
-- person signs in with a username and a password whose hash (Spring Security's DelegatingPasswordEncoder format,
-- e.g. "{bcrypt}$2a$10$...") is all that is kept. Roles and agency decide what the person may do; the purpose they
-- declare at sign-in lives in their session, not here.
CREATE TABLE accounts (
    username         text        PRIMARY KEY CHECK (username ~ '^[a-z0-9][a-z0-9._-]{2,63}$'),
    display_name     text        NOT NULL CHECK (length(display_name) BETWEEN 1 AND 200),
    agency           text        NOT NULL,
    roles            text[]      NOT NULL CHECK (cardinality(roles) >= 1),
    password_hash    text        NOT NULL,
    -- Consecutive failed sign-ins since the last success or lock; reaching the configured limit locks the account
    -- until locked_until, and starts the count again.
    failed_sign_ins  integer     NOT NULL DEFAULT 0 CHECK (failed_sign_ins >= 0),
    locked_until     timestamptz,
    enabled          boolean     NOT NULL DEFAULT true,
    created_at       timestamptz NOT NULL DEFAULT now(),
    updated_at       timestamptz NOT NULL DEFAULT now()
);

COMMENT ON TABLE accounts IS 'Local sign-in accounts for the web application; passwords kept as hashes only.';
