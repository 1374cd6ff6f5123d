-- Subject markers (issue #7, ADR 0035): what the agreements' forbid rules ask about a person (SEALED_ADOPTION_RECORD,
-- RESTRICTED_RECORD, REFUGE_ADDRESS). The decision point denies a data item a forbid rule covers for a marked person,
-- whatever a grant allows, unless the reader holds one of the rule's unlessRoles. A marker only narrows what is
-- released: losing one silently widens access, so nothing here is deleted (except by an audited erasure of the
-- person, V7's erasure_is_audited()), a removal is a stamp with who and why, and every row written - a marker set, a
-- marker removed, a marker carried to the person a people build merged its holder into - must come with a
-- SUBJECT_MARKER audit entry appended in the same transaction, or the transaction does not commit.
CREATE TABLE subject_marker (
    marker_id      bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    person_id      text        NOT NULL CHECK (person_id ~ '^P[0-9]{7}$'),
    marker         text        NOT NULL CHECK (marker ~ '^[A-Z][A-Z0-9_]{0,63}$'),
    set_at         timestamptz NOT NULL,
    set_by         text        NOT NULL CHECK (length(btrim(set_by)) >= 1),
    set_reason     text        NOT NULL CHECK (length(btrim(set_reason)) >= 1),
    removed_at     timestamptz,
    removed_by     text,
    removed_reason text,
    CHECK ((removed_at IS NULL) = (removed_by IS NULL) AND (removed_at IS NULL) = (removed_reason IS NULL)),
    CHECK (removed_reason IS NULL OR length(btrim(removed_reason)) >= 1),
    CHECK (removed_at IS NULL OR removed_at >= set_at)
);
-- At most one current marker of a kind per person; every read's Subject is answered from this index.
CREATE UNIQUE INDEX subject_marker_current ON subject_marker (person_id, marker) WHERE removed_at IS NULL;

-- A marker's facts never change; only a current marker may be removed, once, saying when, by whom and why.
CREATE FUNCTION subject_marker_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF OLD.removed_at IS NULL AND NEW.removed_at IS NOT NULL
       AND (NEW.marker_id, NEW.person_id, NEW.marker, NEW.set_at, NEW.set_by, NEW.set_reason)
           IS NOT DISTINCT FROM (OLD.marker_id, OLD.person_id, OLD.marker, OLD.set_at, OLD.set_by, OLD.set_reason)
    THEN
        RETURN NEW;
    END IF;
    RAISE EXCEPTION 'a subject marker never changes; only a current marker may be removed, once'
        USING ERRCODE = 'insufficient_privilege';
END;
$$;

-- Checked at commit (a deferred constraint trigger), because the app writes the change first and appends its audit
-- entry after it, in the same transaction: a set or removal with no SUBJECT_MARKER entry of this transaction fails.
CREATE FUNCTION subject_marker_is_audited() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF EXISTS (SELECT 1 FROM audit_entry e WHERE e.action = 'SUBJECT_MARKER'
               AND e.xmin::text = (txid_current() % 4294967296)::text) THEN
        RETURN NULL;
    END IF;
    RAISE EXCEPTION 'a subject marker is set or removed only with its SUBJECT_MARKER audit entry in the same'
        ' transaction' USING ERRCODE = 'insufficient_privilege';
END;
$$;

CREATE TRIGGER subject_marker_update BEFORE UPDATE ON subject_marker
    FOR EACH ROW EXECUTE FUNCTION subject_marker_update();
CREATE CONSTRAINT TRIGGER subject_marker_audited AFTER INSERT OR UPDATE ON subject_marker
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION subject_marker_is_audited();
CREATE TRIGGER subject_marker_no_delete BEFORE DELETE ON subject_marker
    FOR EACH ROW EXECUTE FUNCTION kept_unless_erased();
CREATE TRIGGER subject_marker_no_truncate BEFORE TRUNCATE ON subject_marker
    FOR EACH STATEMENT EXECUTE FUNCTION kept_unless_erased();

COMMENT ON TABLE subject_marker IS 'Markers on a person that agreements'' forbid rules act on; set and removed with reasons, audited.';
