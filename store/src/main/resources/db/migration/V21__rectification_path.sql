-- Rectification (issue #7, ADR 0028, docs/governance.md "Erasure and rectification"). A stored source row - the cells
-- as received (raw_row) and what intake made of them (standardised_row) - is the evidence everything else is derived
-- from, so changing it in place must be rare, deliberate and accountable. The triggers below refuse every UPDATE of
-- either table, except in a transaction that has itself appended a RECTIFICATION audit entry and named it in the
-- setting threadline.rectification_entry (the pattern of V7's erasure path): a correction is audited in the same
-- transaction, or not made at all. An audited erasure may also UPDATE them (blanking one person's cells of a row
-- that names two people). INSERT and DELETE are unchanged: loads, erasure and retention keep working as before.

CREATE FUNCTION rectification_is_audited() RETURNS boolean LANGUAGE plpgsql AS $$
DECLARE
    by_entry bigint := nullif(current_setting('threadline.rectification_entry', true), '')::bigint;
BEGIN
    RETURN by_entry IS NOT NULL AND EXISTS (
        SELECT 1 FROM audit_entry e
        WHERE e.sequence = by_entry AND e.action = 'RECTIFICATION'
          AND e.xmin::text = (txid_current() % 4294967296)::text);
END;
$$;

CREATE FUNCTION source_row_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF (NEW.file_id, NEW.row_number) = (OLD.file_id, OLD.row_number)
            AND (rectification_is_audited() OR erasure_is_audited()) THEN
        RETURN NEW;
    END IF;
    RAISE EXCEPTION '% on % is refused: a source row changes only by an audited rectification', TG_OP, TG_TABLE_NAME;
END;
$$;

CREATE TRIGGER raw_row_rectified_only BEFORE UPDATE ON raw_row
    FOR EACH ROW EXECUTE FUNCTION source_row_update();
CREATE TRIGGER standardised_row_rectified_only BEFORE UPDATE ON standardised_row
    FOR EACH ROW EXECUTE FUNCTION source_row_update();
