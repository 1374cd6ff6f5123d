-- Break-glass (issue #7, GOVERNANCE.md b1.8, ADR 0018): emergency access for a role an agreement names, to one
-- subject, for a limited time, with a reason; everyone the agreement's rule names is told at once, and the use is
-- reviewed. Three tables: the grants, the review of each grant, and the notifications. Rows are attributable (who,
-- when, under which agreement version) and append-only where it matters:
--   * a grant's facts never change; only ended_at may be stamped once (someone ended it before it expired);
--   * a review outcome, once recorded, never changes (a second opinion would be a new table, not an edit);
--   * a notification's facts never change; only read_at may be stamped once.
-- Nothing here is deleted (the audit log's BREAK_GLASS entries name these rows).
CREATE TABLE break_glass_grant (
    grant_id          bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    username          text        NOT NULL,
    agency            text        NOT NULL,                  -- the web agency (CHILDRENS_SOCIAL_CARE ...)
    party             text        NOT NULL,                  -- the agreement party (social-care ...)
    role              text        NOT NULL,                  -- the agreement role the rule allows (EDT_SOCIAL_WORKER)
    subject_person_id text        NOT NULL,                  -- the one person it opens
    purpose           text        NOT NULL,                  -- the purpose declared when it was asked for
    case_reference    text        NOT NULL DEFAULT '',
    reason_code       text        NOT NULL CHECK (length(reason_code) BETWEEN 1 AND 64),
    reason            text        NOT NULL CHECK (length(btrim(reason)) >= 20 AND length(reason) <= 2000),
    agreement_id      text        NOT NULL,
    agreement_version integer     NOT NULL CHECK (agreement_version >= 1),
    granted_at        timestamptz NOT NULL,
    expires_at        timestamptz NOT NULL,
    ended_at          timestamptz,
    CHECK (expires_at > granted_at),
    CHECK (ended_at IS NULL OR ended_at >= granted_at)
);
CREATE INDEX break_glass_grant_by_user_subject ON break_glass_grant (username, subject_person_id, expires_at);

CREATE TABLE break_glass_review (
    grant_id     bigint      PRIMARY KEY REFERENCES break_glass_grant (grant_id),
    due_at       timestamptz NOT NULL,
    reviewer     text,
    outcome      text        CHECK (outcome IN ('APPROPRIATE', 'INAPPROPRIATE', 'NEEDS_FOLLOW_UP')),
    reason       text,
    reviewed_at  timestamptz,
    -- All four are recorded together, or none is.
    CHECK ((reviewer IS NULL AND outcome IS NULL AND reason IS NULL AND reviewed_at IS NULL)
        OR (reviewer IS NOT NULL AND outcome IS NOT NULL AND length(btrim(reason)) >= 10 AND reviewed_at IS NOT NULL))
);
CREATE INDEX break_glass_review_open ON break_glass_review (due_at) WHERE outcome IS NULL;

CREATE TABLE break_glass_notification (
    notification_id  bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    grant_id         bigint      NOT NULL REFERENCES break_glass_grant (grant_id),
    recipient_role   text        NOT NULL,                   -- as the rule names it: dpo, safeguardingLead, lineManager
    recipient_party  text        NOT NULL,                   -- the agreement party whose holder of that role is told
    created_at       timestamptz NOT NULL,
    read_at          timestamptz,
    read_by          text,
    CHECK ((read_at IS NULL) = (read_by IS NULL))
);
CREATE INDEX break_glass_notification_unread ON break_glass_notification (recipient_role) WHERE read_at IS NULL;

CREATE FUNCTION break_glass_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'the break-glass table % keeps its history: % refused', TG_TABLE_NAME, TG_OP
        USING ERRCODE = 'insufficient_privilege';
END;
$$;

-- Only a stamp that was empty may be filled, once; every other column stays as it was written.
CREATE FUNCTION break_glass_grant_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF OLD.ended_at IS NOT NULL
       OR (NEW.grant_id, NEW.username, NEW.agency, NEW.party, NEW.role, NEW.subject_person_id, NEW.purpose,
           NEW.case_reference, NEW.reason_code, NEW.reason, NEW.agreement_id, NEW.agreement_version, NEW.granted_at,
           NEW.expires_at)
          IS DISTINCT FROM
          (OLD.grant_id, OLD.username, OLD.agency, OLD.party, OLD.role, OLD.subject_person_id, OLD.purpose,
           OLD.case_reference, OLD.reason_code, OLD.reason, OLD.agreement_id, OLD.agreement_version, OLD.granted_at,
           OLD.expires_at) THEN
        RAISE EXCEPTION 'a break-glass grant never changes; only its end may be stamped, once'
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN NEW;
END;
$$;

CREATE FUNCTION break_glass_review_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF OLD.outcome IS NOT NULL OR (NEW.grant_id, NEW.due_at) IS DISTINCT FROM (OLD.grant_id, OLD.due_at) THEN
        RAISE EXCEPTION 'a break-glass review is recorded once and never changed'
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN NEW;
END;
$$;

CREATE FUNCTION break_glass_notification_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF OLD.read_at IS NOT NULL
       OR (NEW.notification_id, NEW.grant_id, NEW.recipient_role, NEW.recipient_party, NEW.created_at)
          IS DISTINCT FROM (OLD.notification_id, OLD.grant_id, OLD.recipient_role, OLD.recipient_party, OLD.created_at)
    THEN
        RAISE EXCEPTION 'a break-glass notification never changes; only its reading may be stamped, once'
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN NEW;
END;
$$;

CREATE TRIGGER break_glass_grant_update BEFORE UPDATE ON break_glass_grant
    FOR EACH ROW EXECUTE FUNCTION break_glass_grant_update();
CREATE TRIGGER break_glass_review_update BEFORE UPDATE ON break_glass_review
    FOR EACH ROW EXECUTE FUNCTION break_glass_review_update();
CREATE TRIGGER break_glass_notification_update BEFORE UPDATE ON break_glass_notification
    FOR EACH ROW EXECUTE FUNCTION break_glass_notification_update();
CREATE TRIGGER break_glass_grant_no_delete BEFORE DELETE OR TRUNCATE ON break_glass_grant
    FOR EACH STATEMENT EXECUTE FUNCTION break_glass_refuse_change();
CREATE TRIGGER break_glass_review_no_delete BEFORE DELETE OR TRUNCATE ON break_glass_review
    FOR EACH STATEMENT EXECUTE FUNCTION break_glass_refuse_change();
CREATE TRIGGER break_glass_notification_no_delete BEFORE DELETE OR TRUNCATE ON break_glass_notification
    FOR EACH STATEMENT EXECUTE FUNCTION break_glass_refuse_change();

COMMENT ON TABLE break_glass_grant IS 'Break-glass grants: one person, one subject, a reason, a time limit.';
COMMENT ON TABLE break_glass_review IS 'The review of each break-glass grant, due within the agreement''s limit.';
COMMENT ON TABLE break_glass_notification IS 'Who the agreement says must be told of each break-glass grant.';
