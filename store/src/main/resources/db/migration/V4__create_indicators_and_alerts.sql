-- Indicators (issue #6): each subject's latest result per indicator with its evidence, and alerts with their
-- lifecycle. Results are replaced on re-evaluation (the rulebook version and hash say which rules made them);
-- alert steps are append-only: who did what, for which agency, when.

CREATE TABLE indicator_result (
    subject_person_id text        NOT NULL,
    rulebook_id       text        NOT NULL,
    indicator_id      text        NOT NULL,
    rulebook_version  integer     NOT NULL,
    rulebook_sha256   char(64)    NOT NULL,
    status            text        NOT NULL CHECK (status IN ('MET', 'NOT_MET', 'INSUFFICIENT_DATA')),
    reason            text        NOT NULL,
    evidence          jsonb       NOT NULL,  -- [{signal, statement, events: [...], relationship_sources: [...]}]
    as_of             date        NOT NULL,
    evaluated_at      timestamptz NOT NULL,
    PRIMARY KEY (subject_person_id, rulebook_id, indicator_id),
    -- no indicator without evidence, and evidence only for a met one
    CHECK ((status = 'MET') = (jsonb_array_length(evidence) > 0))
);

-- cohort counts and "who is flagged" read met results by indicator
CREATE INDEX indicator_result_met ON indicator_result (indicator_id, subject_person_id) WHERE status = 'MET';

CREATE TABLE alert (
    alert_id               text        PRIMARY KEY,  -- a hash of subject, trigger and evidence: raised once
    subject_person_id      text        NOT NULL,
    trigger_id             text        NOT NULL,
    indicator_id           text        NOT NULL,
    rulebook               text        NOT NULL,     -- id@version
    recipient_agency       text        NOT NULL,
    recipient_role         text        NOT NULL,
    recipient_organisation text,
    evidence               jsonb       NOT NULL CHECK (jsonb_array_length(evidence) > 0),  -- event ids
    statements             jsonb       NOT NULL,
    raised_at              timestamptz NOT NULL,
    due_by                 timestamptz NOT NULL,
    state                  text        NOT NULL CHECK (state IN ('RAISED', 'ACKNOWLEDGED', 'DECISION_RECORDED',
                                                                 'CLOSED'))
);

CREATE INDEX alert_by_recipient ON alert (recipient_agency, state, due_by);
CREATE INDEX alert_by_subject ON alert (subject_person_id);

CREATE TABLE alert_step (
    alert_id  text        NOT NULL REFERENCES alert (alert_id),
    seq       integer     NOT NULL CHECK (seq >= 0),
    state     text        NOT NULL CHECK (state IN ('RAISED', 'ACKNOWLEDGED', 'DECISION_RECORDED', 'CLOSED')),
    at        timestamptz NOT NULL,
    by_name   text        NOT NULL,
    by_agency text        NOT NULL,
    decision  text        CHECK (decision IN ('ACTION_TAKEN', 'NO_ACTION')),
    reason    text,
    PRIMARY KEY (alert_id, seq),
    CHECK ((state = 'DECISION_RECORDED') = (decision IS NOT NULL)),
    CHECK (decision IS NULL OR length(btrim(reason)) > 0)
);

CREATE FUNCTION alert_step_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'alert_step is append-only: % refused', TG_OP;
END;
$$;

CREATE TRIGGER alert_step_append_only BEFORE UPDATE OR DELETE ON alert_step
    FOR EACH ROW EXECUTE FUNCTION alert_step_is_append_only();
CREATE TRIGGER alert_step_no_truncate BEFORE TRUNCATE ON alert_step
    FOR EACH STATEMENT EXECUTE FUNCTION alert_step_is_append_only();
