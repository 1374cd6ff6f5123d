-- Subject access requests (UK GDPR Art. 15; issue #7 "subject rights", issue #8 "information governance"; ADR 0020).
-- A data protection officer records a request when it arrives, with its statutory due date, and takes it through
-- received -> in progress -> fulfilled or refused. Three tables:
--   * subject_access_request: the request's facts (never change) and where it stands now (changes only forward);
--   * subject_access_step: every step, who took it and when (append-only: the request's history);
--   * subject_access_export: each export produced for it (the EXPORT audit entry that recorded it, the folder under
--     THREADLINE_HOME holding its two files); append-only.
-- Every write happens in the transaction that appends its audit entry. Nothing here is deleted.
CREATE TABLE subject_access_request (
    request_id          bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    subject_person_id   text        NOT NULL CHECK (subject_person_id ~ '^P[0-9]{7}$'),
    requester_name      text        NOT NULL CHECK (length(btrim(requester_name)) BETWEEN 1 AND 200),
    requester_relation  text        NOT NULL CHECK (requester_relation IN ('SUBJECT', 'REPRESENTATIVE')),
    received_on         date        NOT NULL,
    due_on              date        NOT NULL,
    recorded_by         text        NOT NULL,
    recorded_agency     text        NOT NULL,
    recorded_at         timestamptz NOT NULL,
    identity_verified   boolean     NOT NULL,
    status              text        NOT NULL CHECK (status IN ('RECEIVED', 'IN_PROGRESS', 'FULFILLED', 'REFUSED')),
    refusal_reason      text,
    closed_by           text,
    closed_at           timestamptz,
    CHECK (due_on > received_on),
    -- A closed request says who closed it and when; a refused one also why.
    CHECK ((status IN ('FULFILLED', 'REFUSED')) = (closed_by IS NOT NULL AND closed_at IS NOT NULL)),
    CHECK ((status = 'REFUSED') = (refusal_reason IS NOT NULL)),
    CHECK (refusal_reason IS NULL OR length(btrim(refusal_reason)) >= 10),
    -- Fulfilled only once the requester's identity was verified.
    CHECK (status <> 'FULFILLED' OR identity_verified)
);
CREATE INDEX subject_access_request_open ON subject_access_request (due_on) WHERE status IN ('RECEIVED', 'IN_PROGRESS');

CREATE TABLE subject_access_step (
    step_id     bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    request_id  bigint      NOT NULL REFERENCES subject_access_request (request_id),
    step        text        NOT NULL CHECK (step IN ('RECEIVED', 'IDENTITY_VERIFIED', 'IN_PROGRESS', 'EXPORT_PRODUCED',
                                                     'FULFILLED', 'REFUSED')),
    taken_by    text        NOT NULL,
    taken_at    timestamptz NOT NULL,
    detail      text        NOT NULL DEFAULT ''
);
CREATE INDEX subject_access_step_of ON subject_access_step (request_id, step_id);

CREATE TABLE subject_access_export (
    export_id       bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    request_id      bigint      NOT NULL REFERENCES subject_access_request (request_id),
    produced_by     text        NOT NULL,
    produced_at     timestamptz NOT NULL,
    audit_sequence  bigint      NOT NULL UNIQUE,            -- the EXPORT audit entry written with the files
    folder          text        NOT NULL,                   -- relative to THREADLINE_HOME
    withheld        text        NOT NULL DEFAULT ''         -- "rule=items, ..." as the audit entry has it
);
CREATE INDEX subject_access_export_of ON subject_access_export (request_id, export_id);

CREATE FUNCTION subject_access_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'the subject access table % keeps its history: % refused', TG_TABLE_NAME, TG_OP
        USING ERRCODE = 'insufficient_privilege';
END;
$$;

-- A request's facts never change; its identity check may go from no to yes; its status only forward, and once
-- closed, never again.
CREATE FUNCTION subject_access_request_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF (NEW.request_id, NEW.subject_person_id, NEW.requester_name, NEW.requester_relation, NEW.received_on,
        NEW.due_on, NEW.recorded_by, NEW.recorded_agency, NEW.recorded_at)
       IS DISTINCT FROM
       (OLD.request_id, OLD.subject_person_id, OLD.requester_name, OLD.requester_relation, OLD.received_on,
        OLD.due_on, OLD.recorded_by, OLD.recorded_agency, OLD.recorded_at)
       OR (OLD.identity_verified AND NOT NEW.identity_verified)
       OR OLD.status IN ('FULFILLED', 'REFUSED')
       OR (OLD.status = 'IN_PROGRESS' AND NEW.status = 'RECEIVED') THEN
        RAISE EXCEPTION 'a subject access request keeps its facts and only moves forward (% to %)', OLD.status,
            NEW.status USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN NEW;
END;
$$;

CREATE TRIGGER subject_access_request_update BEFORE UPDATE ON subject_access_request
    FOR EACH ROW EXECUTE FUNCTION subject_access_request_update();
CREATE TRIGGER subject_access_step_no_update BEFORE UPDATE ON subject_access_step
    FOR EACH ROW EXECUTE FUNCTION subject_access_refuse_change();
CREATE TRIGGER subject_access_export_no_update BEFORE UPDATE ON subject_access_export
    FOR EACH ROW EXECUTE FUNCTION subject_access_refuse_change();
CREATE TRIGGER subject_access_request_no_delete BEFORE DELETE OR TRUNCATE ON subject_access_request
    FOR EACH STATEMENT EXECUTE FUNCTION subject_access_refuse_change();
CREATE TRIGGER subject_access_step_no_delete BEFORE DELETE OR TRUNCATE ON subject_access_step
    FOR EACH STATEMENT EXECUTE FUNCTION subject_access_refuse_change();
CREATE TRIGGER subject_access_export_no_delete BEFORE DELETE OR TRUNCATE ON subject_access_export
    FOR EACH STATEMENT EXECUTE FUNCTION subject_access_refuse_change();

COMMENT ON TABLE subject_access_request IS 'Subject access requests: who, who asked, received, due, where it stands.';
COMMENT ON TABLE subject_access_step IS 'Every step of a subject access request: what, who, when.';
COMMENT ON TABLE subject_access_export IS 'Each export produced for a subject access request, with its audit entry.';
