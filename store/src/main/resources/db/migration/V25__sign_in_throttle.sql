-- Sign-in and API authentication throttling (ADR 0026, amended 2026-11-27): the counts live here, not in one
-- server's memory, so a restart does not reset them and every server behind a load balancer sees the same ones.
-- One row per counted key: the channel (the sign-in form or the API), what is counted (a name: a username or an API
-- key id; or a client address), and the key as an HMAC-SHA256 under a secret kept in THREADLINE_HOME/keys, never the
-- name or address itself. failures holds the times of the newest failures (at most the limit); refused and the two
-- times describe the episode of refusals under way, if any. A row whose failures have all left the window is deleted
-- (its newest_failure is older than the window), ending its episode.
CREATE TABLE sign_in_throttle (
    channel       text        NOT NULL CHECK (channel IN ('SIGN_IN', 'API')),
    scope         text        NOT NULL CHECK (scope IN ('NAME', 'ADDRESS')),
    key_hash      bytea       NOT NULL CHECK (length(key_hash) = 32),
    failures      timestamptz[] NOT NULL DEFAULT '{}',
    refused       bigint      NOT NULL DEFAULT 0 CHECK (refused >= 0),
    first_refused timestamptz,
    last_refused  timestamptz,
    newest_failure timestamptz NOT NULL,
    PRIMARY KEY (channel, scope, key_hash)
);
CREATE INDEX sign_in_throttle_expiry ON sign_in_throttle (channel, newest_failure);

COMMENT ON TABLE sign_in_throttle IS 'Failed sign-ins and API authentications per hashed name or address, for throttling.';
