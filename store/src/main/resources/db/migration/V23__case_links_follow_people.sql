-- Case links follow merged people (issues #7 and #8, ADR 0031). Three things:
--   * person_lineage: where a person's records went when a people build (or a rectification's re-link) merged them
--     into another person (MERGED: the person is retired and every record of theirs is now another's) or moved some
--     of them to another person (SPLIT: the person keeps their id, or is retired with records in several persons).
--     Written in the transaction of the people change. person_change (V2) says the same per build in its own shape
--     (a merge lists every id it joined); this is one row per (from, to), for every path, which is what a case
--     link needs to follow.
--   * case_person gains why a link was made or ended when a person did not do it by hand (a merge followed).
--   * case_check: "to check" items on a case: a linked person's records went (partly) to another person who is not
--     linked. The link stays where it was (no access is widened without a person deciding); the case's owner links
--     the other person or dismisses the item, and either is stamped on the item, once.
-- Nothing here is updated except a stamp, nor deleted except by an audited erasure (erasure_is_audited(), V7).
CREATE TABLE person_lineage (
    lineage_id  bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    from_person text        NOT NULL CHECK (from_person ~ '^P[0-9]{7}$'),
    to_person   text        NOT NULL CHECK (to_person ~ '^P[0-9]{7}$'),
    kind        text        NOT NULL CHECK (kind IN ('MERGED', 'SPLIT')),
    -- How: a full people build (run_id is that build) or a rectification (run_id is the build it changed, and
    -- audit_entry the rectification's entry).
    via         text        NOT NULL CHECK (via IN ('PEOPLE_BUILD', 'RECTIFICATION')),
    run_id      bigint      NOT NULL REFERENCES link_run (id),
    audit_entry bigint,
    at          timestamptz NOT NULL,
    CHECK (from_person <> to_person)
);
CREATE INDEX person_lineage_from ON person_lineage (from_person);
CREATE INDEX person_lineage_to ON person_lineage (to_person);

ALTER TABLE case_person ADD COLUMN linked_reason text, ADD COLUMN unlinked_reason text;
ALTER TABLE case_person ADD CHECK (unlinked_reason IS NULL OR unlinked_at IS NOT NULL);

-- As V20, and the reasons: the link's reason never changes; the unlink reason is written with the stamp, once.
CREATE OR REPLACE FUNCTION case_person_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF OLD.unlinked_at IS NULL AND NEW.unlinked_at IS NOT NULL AND NEW.unlinked_by IS NOT NULL
       AND (NEW.link_id, NEW.case_id, NEW.person_id, NEW.linked_at, NEW.linked_by, NEW.linked_reason)
           IS NOT DISTINCT FROM (OLD.link_id, OLD.case_id, OLD.person_id, OLD.linked_at, OLD.linked_by,
                                 OLD.linked_reason) THEN
        RETURN NEW;
    END IF;
    RAISE EXCEPTION 'a case link never changes; only a current link may be ended, once'
        USING ERRCODE = 'insufficient_privilege';
END;
$$;

CREATE TABLE case_check (
    check_id    bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    case_id     bigint      NOT NULL REFERENCES case_file (case_id),
    -- The linked person whose records went, and the person they went to (not linked to the case when raised).
    person_id   text        NOT NULL CHECK (person_id ~ '^P[0-9]{7}$'),
    to_person   text        NOT NULL CHECK (to_person ~ '^P[0-9]{7}$'),
    lineage_id  bigint      NOT NULL REFERENCES person_lineage (lineage_id),
    raised_at   timestamptz NOT NULL,
    note        text        NOT NULL CHECK (length(btrim(note)) >= 1),
    settled_at  timestamptz,
    settled_by  text,
    settled_how text        CHECK (settled_how IN ('LINKED', 'DISMISSED')),
    CHECK ((settled_at IS NULL) = (settled_by IS NULL) AND (settled_at IS NULL) = (settled_how IS NULL)),
    CHECK (settled_at IS NULL OR settled_at >= raised_at)
);
-- At most one open item per case and person to check: a second split to the same person adds nothing to decide.
CREATE UNIQUE INDEX case_check_open ON case_check (case_id, to_person) WHERE settled_at IS NULL;
CREATE INDEX case_check_by_person ON case_check (person_id);
CREATE INDEX case_check_by_to_person ON case_check (to_person);

CREATE FUNCTION case_check_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF OLD.settled_at IS NULL AND NEW.settled_at IS NOT NULL
       AND (NEW.check_id, NEW.case_id, NEW.person_id, NEW.to_person, NEW.lineage_id, NEW.raised_at, NEW.note)
           IS NOT DISTINCT FROM (OLD.check_id, OLD.case_id, OLD.person_id, OLD.to_person, OLD.lineage_id,
                                 OLD.raised_at, OLD.note) THEN
        RETURN NEW;
    END IF;
    RAISE EXCEPTION 'a case check never changes; only an open one may be settled, once'
        USING ERRCODE = 'insufficient_privilege';
END;
$$;

-- Lineage never changes (a later change is a new row), and neither table loses a row but to an audited erasure.
CREATE FUNCTION kept_unless_erased() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' AND erasure_is_audited() THEN
        RETURN OLD;
    END IF;
    RAISE EXCEPTION '% keeps its history: % refused', TG_TABLE_NAME, TG_OP
        USING ERRCODE = 'insufficient_privilege';
END;
$$;

CREATE TRIGGER case_check_update BEFORE UPDATE ON case_check
    FOR EACH ROW EXECUTE FUNCTION case_check_update();
CREATE TRIGGER case_check_no_delete BEFORE DELETE ON case_check
    FOR EACH ROW EXECUTE FUNCTION kept_unless_erased();
CREATE TRIGGER case_check_no_truncate BEFORE TRUNCATE ON case_check
    FOR EACH STATEMENT EXECUTE FUNCTION kept_unless_erased();
CREATE TRIGGER person_lineage_no_update BEFORE UPDATE OR DELETE ON person_lineage
    FOR EACH ROW EXECUTE FUNCTION kept_unless_erased();
CREATE TRIGGER person_lineage_no_truncate BEFORE TRUNCATE ON person_lineage
    FOR EACH STATEMENT EXECUTE FUNCTION kept_unless_erased();

COMMENT ON TABLE person_lineage IS 'Where a person''s records went when they were merged into or split off to another.';
COMMENT ON TABLE case_check IS 'Case items to check: a linked person''s records went to a person the case does not link.';
