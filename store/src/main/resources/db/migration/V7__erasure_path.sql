-- Erasure and retention (issue #7, docs/governance.md "Subject rights and retention"). Two append-only tables hold
-- copies of personal data: alert_step (who acted on an alert about a person, and why) and review_decision (a
-- reviewer's reason about two of a person's records). When those records go - their retention ended, or the person's
-- data is erased - these rows must go with them. The triggers keep refusing UPDATE and TRUNCATE, and refuse DELETE
-- too, except in a transaction that has itself appended an ERASURE audit entry and named it in the setting
-- threadline.erasure_entry: so every removal is audited in the same transaction, or not done at all.

CREATE FUNCTION erasure_is_audited() RETURNS boolean LANGUAGE plpgsql AS $$
DECLARE
    by_entry bigint := nullif(current_setting('threadline.erasure_entry', true), '')::bigint;
BEGIN
    RETURN by_entry IS NOT NULL AND EXISTS (
        SELECT 1 FROM audit_entry e
        WHERE e.sequence = by_entry AND e.action = 'ERASURE'
          AND e.xmin::text = (txid_current() % 4294967296)::text);
END;
$$;

CREATE OR REPLACE FUNCTION alert_step_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' AND erasure_is_audited() THEN
        RETURN OLD;
    END IF;
    RAISE EXCEPTION 'alert_step is append-only: % refused', TG_OP;
END;
$$;

CREATE OR REPLACE FUNCTION refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' AND erasure_is_audited() THEN
        RETURN OLD;
    END IF;
    RAISE EXCEPTION '% on % is refused: decisions are append-only records', TG_OP, TG_TABLE_NAME;
END $$;
