-- API keys for partner systems calling the REST API (issue #8). A key belongs to one agency and one web role, as a
-- person's account does, and is named for the system that holds it. Only the SHA-256 of the secret part is kept:
-- the whole key is shown once, when `./threadline api-keys create` makes it, and cannot be recovered from here.
-- A key is never deleted, so that the audit log's actor ("apikey.<name>") always names a row here; revoking it
-- stamps revoked_at and it stops working at once.
CREATE TABLE api_key (
    key_id       text        PRIMARY KEY CHECK (key_id ~ '^[0-9a-f]{16}$'),   -- the public part, in the key itself
    name         text        NOT NULL UNIQUE CHECK (name ~ '^[a-z0-9][a-z0-9._-]{2,55}$'),
    agency       text        NOT NULL,
    role         text        NOT NULL,
    secret_sha256 char(64)   NOT NULL CHECK (secret_sha256 ~ '^[0-9a-f]{64}$'),
    created_at   timestamptz NOT NULL,
    created_by   text        NOT NULL,
    revoked_at   timestamptz,
    last_used_at timestamptz
);

COMMENT ON TABLE api_key IS 'API keys of partner systems; the secret is kept as its SHA-256 only.';
