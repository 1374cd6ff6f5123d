-- Tamper-evident audit log (issue #7, docs/audit.md, ADR 0006).
-- audit_entry holds one row per event: the leaf fields and hashes (kept for ever) and the payload with its salt
-- (removable at the end of retention). audit_node keeps every completed perfect subtree's hash so that a checkpoint
-- root needs O(log n) rows, not a pass over the log. audit_checkpoint holds the signed roots. audit_redaction says
-- which payloads were removed, when, and under which REDACTION entry. Every table is append-only: triggers refuse
-- UPDATE, DELETE and TRUNCATE, with one exception, the redaction path, which can only null a payload and its salt.

CREATE TABLE audit_entry (
    sequence      bigint      PRIMARY KEY CHECK (sequence >= 0),  -- leaf index: 0, 1, 2 ... with no gaps
    recorded_at   timestamptz NOT NULL,                          -- the event's time (in the leaf)
    action        text        NOT NULL,                          -- in the leaf
    retain_until  timestamptz NOT NULL,                          -- in the leaf: the payload may go after this
    payload_hash  bytea       NOT NULL CHECK (length(payload_hash) = 32),  -- SHA-256(prefix, salt, event)
    leaf_hash     bytea       NOT NULL CHECK (length(leaf_hash) = 32),     -- SHA-256(0x00, leaf)
    payload       jsonb,                                         -- the event; NULL once redacted
    payload_salt  bytea CHECK (length(payload_salt) = 32),       -- NULL once redacted
    CHECK ((payload IS NULL) = (payload_salt IS NULL))
);

CREATE TABLE audit_node (
    level    smallint NOT NULL CHECK (level BETWEEN 1 AND 62),
    position bigint   NOT NULL CHECK (position >= 0),
    hash     bytea    NOT NULL CHECK (length(hash) = 32),
    PRIMARY KEY (level, position)
);

CREATE TABLE audit_checkpoint (
    tree_size bigint      PRIMARY KEY CHECK (tree_size > 0),
    root_hash bytea       NOT NULL CHECK (length(root_hash) = 32),
    signed_at timestamptz NOT NULL,
    key_id    text        NOT NULL,
    signature bytea       NOT NULL
);

CREATE TABLE audit_redaction (
    sequence        bigint      PRIMARY KEY REFERENCES audit_entry (sequence),
    redacted_at     timestamptz NOT NULL,
    redaction_entry bigint      NOT NULL REFERENCES audit_entry (sequence),
    redacted_by     text        NOT NULL
);

CREATE FUNCTION audit_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'the audit table % is append-only: % refused', TG_TABLE_NAME, TG_OP
        USING ERRCODE = 'insufficient_privilege';
END;
$$;

-- The redaction path. An UPDATE of audit_entry passes only when
--   * nothing in the leaf changes (sequence, time, action, retention, payload hash, leaf hash) - so proofs hold;
--   * it removes the payload and its salt, and nothing else;
--   * the entry's retention has ended;
--   * the transaction has itself appended the REDACTION entry that the setting threadline.audit_redaction_entry
--     names (so every removal is audited, in the same transaction, or not done at all).
-- It then records the removal in audit_redaction.
CREATE FUNCTION audit_entry_redact() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    by_entry bigint := nullif(current_setting('threadline.audit_redaction_entry', true), '')::bigint;
BEGIN
    IF (NEW.sequence, NEW.recorded_at, NEW.action, NEW.retain_until, NEW.payload_hash, NEW.leaf_hash)
       IS DISTINCT FROM (OLD.sequence, OLD.recorded_at, OLD.action, OLD.retain_until, OLD.payload_hash, OLD.leaf_hash)
    THEN
        RAISE EXCEPTION 'audit entry %: only the payload may be removed; its leaf never changes', OLD.sequence
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF OLD.payload IS NULL OR NEW.payload IS NOT NULL OR NEW.payload_salt IS NOT NULL THEN
        RAISE EXCEPTION 'audit entry %: the only change allowed is removing its payload', OLD.sequence
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF OLD.retain_until > now() THEN
        RAISE EXCEPTION 'audit entry % is retained until %', OLD.sequence, OLD.retain_until
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF by_entry IS NULL OR NOT EXISTS (
        SELECT 1 FROM audit_entry e
        WHERE e.sequence = by_entry AND e.action = 'REDACTION'
          AND e.xmin::text = (txid_current() % 4294967296)::text)
    THEN
        RAISE EXCEPTION 'audit entry %: a payload is removed only in the transaction that appends its REDACTION entry',
            OLD.sequence USING ERRCODE = 'insufficient_privilege';
    END IF;
    INSERT INTO audit_redaction (sequence, redacted_at, redaction_entry, redacted_by)
    VALUES (OLD.sequence, now(), by_entry, session_user);
    RETURN NEW;
END;
$$;

CREATE TRIGGER audit_entry_redact BEFORE UPDATE ON audit_entry
    FOR EACH ROW EXECUTE FUNCTION audit_entry_redact();
-- Statement-level, so that even a DELETE that matches no row is refused (and says so).
CREATE TRIGGER audit_entry_no_delete BEFORE DELETE ON audit_entry
    FOR EACH STATEMENT EXECUTE FUNCTION audit_refuse_change();
CREATE TRIGGER audit_entry_no_truncate BEFORE TRUNCATE ON audit_entry
    FOR EACH STATEMENT EXECUTE FUNCTION audit_refuse_change();

CREATE TRIGGER audit_node_append_only BEFORE UPDATE OR DELETE ON audit_node
    FOR EACH STATEMENT EXECUTE FUNCTION audit_refuse_change();
CREATE TRIGGER audit_node_no_truncate BEFORE TRUNCATE ON audit_node
    FOR EACH STATEMENT EXECUTE FUNCTION audit_refuse_change();
CREATE TRIGGER audit_checkpoint_append_only BEFORE UPDATE OR DELETE ON audit_checkpoint
    FOR EACH STATEMENT EXECUTE FUNCTION audit_refuse_change();
CREATE TRIGGER audit_checkpoint_no_truncate BEFORE TRUNCATE ON audit_checkpoint
    FOR EACH STATEMENT EXECUTE FUNCTION audit_refuse_change();
CREATE TRIGGER audit_redaction_append_only BEFORE UPDATE OR DELETE ON audit_redaction
    FOR EACH STATEMENT EXECUTE FUNCTION audit_refuse_change();
CREATE TRIGGER audit_redaction_no_truncate BEFORE TRUNCATE ON audit_redaction
    FOR EACH STATEMENT EXECUTE FUNCTION audit_refuse_change();

-- A role for the writers of the log, with no UPDATE (beyond the payload columns the redaction path nulls), DELETE or
-- TRUNCATE at all: a second wall behind the triggers, which the table owner could disable. Roles belong to the
-- whole cluster, so it is created only where the migrating user may create roles, and left alone if it exists.
DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'threadline_audit_writer') THEN
        BEGIN
            CREATE ROLE threadline_audit_writer NOLOGIN NOSUPERUSER NOBYPASSRLS;
        EXCEPTION WHEN insufficient_privilege THEN
            RAISE NOTICE 'cannot create role threadline_audit_writer here; the triggers still refuse changes';
            RETURN;
        END;
    END IF;
    EXECUTE format('GRANT USAGE ON SCHEMA %I TO threadline_audit_writer', current_schema());
    GRANT SELECT, INSERT ON audit_entry, audit_node, audit_checkpoint, audit_redaction TO threadline_audit_writer;
    GRANT UPDATE (payload, payload_salt) ON audit_entry TO threadline_audit_writer;
    REVOKE DELETE, TRUNCATE ON audit_entry, audit_node, audit_checkpoint, audit_redaction
        FROM threadline_audit_writer;
END;
$$;
