-- The case register (issue #7, ADR 0027): the policy decision point asks it whether a declared case reference names
-- an open case of the requester's agency that links the person being read. Two tables:
--   * case_file: one row per case, its reference unique within the owning agency, opened (when, by whom) and
--     perhaps closed (when, by whom, once; a closed case stays closed: a new piece of work is a new case);
--   * case_person: who is linked to a case, when and by whom; unlinking stamps the row (when, by whom), once, and a
--     person linked again gets a new row, so the register can say who was linked to a case at any moment.
-- Nothing is deleted, except a link removed by an audited erasure of the person (erasure_is_audited(), V7).
-- Every open, link, unlink and close is also an audit entry written in the same transaction (the app does that).
CREATE TABLE case_file (
    case_id    bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    -- The owning agency as the agreements name it (police, social-care ...): the party the policy decision point
    -- passes as the requester's agency, so a reference is looked up within the requester's own agency.
    agency     text        NOT NULL CHECK (agency ~ '^[a-z][a-z0-9-]{0,63}$'),
    reference  text        NOT NULL CHECK (reference ~ '^[A-Z0-9][A-Z0-9/-]{2,31}$'),
    status     text        NOT NULL CHECK (status IN ('OPEN', 'CLOSED')),
    opened_at  timestamptz NOT NULL,
    opened_by  text        NOT NULL CHECK (length(btrim(opened_by)) >= 1),
    closed_at  timestamptz,
    closed_by  text,
    CHECK ((status = 'OPEN') = (closed_at IS NULL)),
    CHECK ((closed_at IS NULL) = (closed_by IS NULL)),
    CHECK (closed_at IS NULL OR closed_at >= opened_at),
    UNIQUE (agency, reference)
);

CREATE TABLE case_person (
    link_id     bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    case_id     bigint      NOT NULL REFERENCES case_file (case_id),
    person_id   text        NOT NULL CHECK (person_id ~ '^P[0-9]{7}$'),
    linked_at   timestamptz NOT NULL,
    linked_by   text        NOT NULL CHECK (length(btrim(linked_by)) >= 1),
    unlinked_at timestamptz,
    unlinked_by text,
    CHECK ((unlinked_at IS NULL) = (unlinked_by IS NULL)),
    CHECK (unlinked_at IS NULL OR unlinked_at >= linked_at)
);
-- At most one current link of a person to a case; the register's question is answered from this index.
CREATE UNIQUE INDEX case_person_current ON case_person (case_id, person_id) WHERE unlinked_at IS NULL;
CREATE INDEX case_person_by_person ON case_person (person_id);

CREATE FUNCTION case_register_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' AND TG_TABLE_NAME = 'case_person' AND erasure_is_audited() THEN
        RETURN OLD;
    END IF;
    RAISE EXCEPTION 'the case register keeps its history: % on % refused', TG_OP, TG_TABLE_NAME
        USING ERRCODE = 'insufficient_privilege';
END;
$$;

-- A case's facts never change; only an open case may be closed, once, saying when and by whom.
CREATE FUNCTION case_file_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF OLD.status = 'OPEN' AND NEW.status = 'CLOSED' AND NEW.closed_at IS NOT NULL AND NEW.closed_by IS NOT NULL
       AND (NEW.case_id, NEW.agency, NEW.reference, NEW.opened_at, NEW.opened_by)
           IS NOT DISTINCT FROM (OLD.case_id, OLD.agency, OLD.reference, OLD.opened_at, OLD.opened_by) THEN
        RETURN NEW;
    END IF;
    RAISE EXCEPTION 'a case never changes; only an open case may be closed, once'
        USING ERRCODE = 'insufficient_privilege';
END;
$$;

-- A link's facts never change; only a current link may be ended, once, saying when and by whom.
CREATE FUNCTION case_person_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF OLD.unlinked_at IS NULL AND NEW.unlinked_at IS NOT NULL AND NEW.unlinked_by IS NOT NULL
       AND (NEW.link_id, NEW.case_id, NEW.person_id, NEW.linked_at, NEW.linked_by)
           IS NOT DISTINCT FROM (OLD.link_id, OLD.case_id, OLD.person_id, OLD.linked_at, OLD.linked_by) THEN
        RETURN NEW;
    END IF;
    RAISE EXCEPTION 'a case link never changes; only a current link may be ended, once'
        USING ERRCODE = 'insufficient_privilege';
END;
$$;

CREATE TRIGGER case_file_update BEFORE UPDATE ON case_file
    FOR EACH ROW EXECUTE FUNCTION case_file_update();
CREATE TRIGGER case_person_update BEFORE UPDATE ON case_person
    FOR EACH ROW EXECUTE FUNCTION case_person_update();
CREATE TRIGGER case_file_no_delete BEFORE DELETE ON case_file
    FOR EACH ROW EXECUTE FUNCTION case_register_refuse_change();
CREATE TRIGGER case_person_no_delete BEFORE DELETE ON case_person
    FOR EACH ROW EXECUTE FUNCTION case_register_refuse_change();
CREATE TRIGGER case_file_no_truncate BEFORE TRUNCATE ON case_file
    FOR EACH STATEMENT EXECUTE FUNCTION case_register_refuse_change();
CREATE TRIGGER case_person_no_truncate BEFORE TRUNCATE ON case_person
    FOR EACH STATEMENT EXECUTE FUNCTION case_register_refuse_change();

COMMENT ON TABLE case_file IS 'Cases: a reference unique within the owning agency, opened and perhaps closed.';
COMMENT ON TABLE case_person IS 'The people linked to each case, with who linked and unlinked them and when.';
