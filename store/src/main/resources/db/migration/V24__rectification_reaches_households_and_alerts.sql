-- Rectification reaches households and alerts (issue #7, ADR 0032, docs/governance.md "Erasure and rectification").
--
-- 1. A rectification remakes the relationships and residences around the corrected row in its own transaction. It
--    finds the people seen at the row's old and new address through residence.address_key: index it (the table is
--    refilled in place by a build, so the index stays; it is small next to person_record).
-- 2. An alert whose evidence cites an event of a corrected row is marked, not changed or deleted: it was a real
--    decision point, and what its recipient did with it stays on record. The mark says which rectification (its
--    audit entry) and when; the recipient sees "evidence rectified on <date>: re-check". A mark is written only in a
--    transaction that appended that RECTIFICATION entry itself (V21's rectification_is_audited), and goes only with
--    its alert, by an audited erasure.

CREATE INDEX residence_address ON residence (address_key);

CREATE TABLE alert_rectification (
    alert_id     text        NOT NULL REFERENCES alert (alert_id) ON DELETE CASCADE,
    audit_entry  bigint      NOT NULL,
    rectified_at timestamptz NOT NULL,
    PRIMARY KEY (alert_id, audit_entry)
);

CREATE FUNCTION alert_rectification_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' AND rectification_is_audited()
            AND NEW.audit_entry = nullif(current_setting('threadline.rectification_entry', true), '')::bigint THEN
        RETURN NEW;
    END IF;
    IF TG_OP = 'DELETE' AND erasure_is_audited() THEN
        RETURN OLD;
    END IF;
    RAISE EXCEPTION '% on alert_rectification is refused: a mark is written by its audited rectification and goes'
        ' only with its alert, by an audited erasure', TG_OP;
END;
$$;

CREATE TRIGGER alert_rectification_audited BEFORE INSERT OR UPDATE OR DELETE ON alert_rectification
    FOR EACH ROW EXECUTE FUNCTION alert_rectification_guard();
CREATE TRIGGER alert_rectification_no_truncate BEFORE TRUNCATE ON alert_rectification
    FOR EACH STATEMENT EXECUTE FUNCTION alert_rectification_guard();
