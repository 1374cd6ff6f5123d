-- The people who have signed in through the organisation's OpenID provider (ADR 0026, amended 2026-11-27). They
-- have no row in accounts (their account is made from the ID token at each sign-in, ADR 0021), so without this
-- table a break-glass notification to a role only they hold looked undeliverable. One row per principal: the
-- provider's issuer and subject (the stable identity; the username claim may change), and what the provider last
-- asserted: the Threadline username, display name, agency and roles. Rewritten at every sign-in, so the roles are the
-- latest; last_seen says whether the assertion is recent enough to count (threadline.break-glass.oidc-recipients-
-- seen-within). No token, no claim beyond these, is stored.
CREATE TABLE oidc_principal (
    issuer       text        NOT NULL CHECK (length(issuer) BETWEEN 1 AND 500),
    subject      text        NOT NULL CHECK (length(subject) BETWEEN 1 AND 255),
    username     text        NOT NULL CHECK (length(username) BETWEEN 1 AND 200),
    display_name text        NOT NULL CHECK (length(display_name) BETWEEN 1 AND 200),
    agency       text        NOT NULL,
    roles        text[]      NOT NULL,
    first_seen   timestamptz NOT NULL,
    last_seen    timestamptz NOT NULL CHECK (last_seen >= first_seen),
    PRIMARY KEY (issuer, subject)
);
CREATE INDEX oidc_principal_last_seen ON oidc_principal (last_seen);

COMMENT ON TABLE oidc_principal IS 'Who signed in through the OpenID provider, with the agency and roles it last asserted; no tokens.';
