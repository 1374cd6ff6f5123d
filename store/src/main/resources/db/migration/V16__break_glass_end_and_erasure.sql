-- Break-glass completed (ADR 0024, docs/governance.md "Break-glass grants and erasure").
--   * Ending a grant early says who ended it: ended_by is stamped with ended_at, together, once.
--   * Erasing a person reaches the grants about them. What identifies or describes the person goes: the subject's id,
--     the case reference and the written reason become empty, and so does a recorded review's written reason. What
--     makes the use accountable stays: who, in which role, at which party, under which agreement, for which purpose,
--     the reason code, when it was granted, expired or ended, the review's outcome, reviewer and time, and every
--     notification. The grant then names the ERASURE audit entry that blanked it (erased_by_entry), and that blanking
--     is only accepted in the transaction that appended that entry (erasure_is_audited(), V7). Nothing is deleted:
--     the audit log's BREAK_GLASS entries (which never held the reason text) still point at the use.

ALTER TABLE break_glass_grant ADD COLUMN ended_by text;
ALTER TABLE break_glass_grant ADD COLUMN erased_by_entry bigint;
ALTER TABLE break_glass_grant ADD CONSTRAINT break_glass_grant_end_says_who
    CHECK (ended_by IS NULL OR ended_at IS NOT NULL);
ALTER TABLE break_glass_grant DROP CONSTRAINT break_glass_grant_reason_check;
ALTER TABLE break_glass_grant ADD CONSTRAINT break_glass_grant_reason_check
    CHECK (length(reason) <= 2000 AND (length(btrim(reason)) >= 20 OR (erased_by_entry IS NOT NULL AND reason = '')));
ALTER TABLE break_glass_grant ADD CONSTRAINT break_glass_grant_erased_is_blank
    CHECK (erased_by_entry IS NULL OR (subject_person_id = '' AND case_reference = '' AND reason = ''));

ALTER TABLE break_glass_review ADD COLUMN erased_by_entry bigint;
ALTER TABLE break_glass_review DROP CONSTRAINT break_glass_review_check;
ALTER TABLE break_glass_review ADD CONSTRAINT break_glass_review_check
    CHECK ((reviewer IS NULL AND outcome IS NULL AND reason IS NULL AND reviewed_at IS NULL)
        OR (reviewer IS NOT NULL AND outcome IS NOT NULL AND reviewed_at IS NOT NULL
            AND (length(btrim(reason)) >= 10 OR (erased_by_entry IS NOT NULL AND reason = ''))));

-- The facts of a use never change. Two stamps are allowed, each once: the early end (with who ended it), and the
-- blanking of the person's details by an audited erasure.
CREATE OR REPLACE FUNCTION break_glass_grant_update() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    erasure bigint := nullif(current_setting('threadline.erasure_entry', true), '')::bigint;
BEGIN
    IF (NEW.grant_id, NEW.username, NEW.agency, NEW.party, NEW.role, NEW.purpose, NEW.reason_code, NEW.agreement_id,
        NEW.agreement_version, NEW.granted_at, NEW.expires_at)
       IS DISTINCT FROM
       (OLD.grant_id, OLD.username, OLD.agency, OLD.party, OLD.role, OLD.purpose, OLD.reason_code, OLD.agreement_id,
        OLD.agreement_version, OLD.granted_at, OLD.expires_at) THEN
        RAISE EXCEPTION 'a break-glass grant never changes; only its end may be stamped, once'
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF OLD.ended_at IS NULL AND NEW.ended_at IS NOT NULL AND NEW.ended_by IS NOT NULL
       AND (NEW.subject_person_id, NEW.case_reference, NEW.reason, NEW.erased_by_entry)
           IS NOT DISTINCT FROM (OLD.subject_person_id, OLD.case_reference, OLD.reason, OLD.erased_by_entry) THEN
        RETURN NEW;
    END IF;
    IF OLD.erased_by_entry IS NULL AND erasure_is_audited() AND NEW.erased_by_entry = erasure
       AND NEW.subject_person_id = '' AND NEW.case_reference = '' AND NEW.reason = ''
       AND (NEW.ended_at, NEW.ended_by) IS NOT DISTINCT FROM (OLD.ended_at, OLD.ended_by) THEN
        RETURN NEW;
    END IF;
    RAISE EXCEPTION 'a break-glass grant never changes; only its end may be stamped, once'
        USING ERRCODE = 'insufficient_privilege';
END;
$$;

CREATE OR REPLACE FUNCTION break_glass_review_update() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    erasure bigint := nullif(current_setting('threadline.erasure_entry', true), '')::bigint;
BEGIN
    IF (NEW.grant_id, NEW.due_at) IS DISTINCT FROM (OLD.grant_id, OLD.due_at) THEN
        RAISE EXCEPTION 'a break-glass review is recorded once and never changed'
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF OLD.outcome IS NULL AND NEW.erased_by_entry IS NOT DISTINCT FROM OLD.erased_by_entry THEN
        RETURN NEW;
    END IF;
    IF OLD.outcome IS NOT NULL AND OLD.erased_by_entry IS NULL AND erasure_is_audited()
       AND NEW.erased_by_entry = erasure AND NEW.reason = ''
       AND (NEW.reviewer, NEW.outcome, NEW.reviewed_at) IS NOT DISTINCT FROM
           (OLD.reviewer, OLD.outcome, OLD.reviewed_at) THEN
        RETURN NEW;
    END IF;
    RAISE EXCEPTION 'a break-glass review is recorded once and never changed'
        USING ERRCODE = 'insufficient_privilege';
END;
$$;

COMMENT ON COLUMN break_glass_grant.ended_by IS 'Who ended the grant before it expired (the holder or a DPO).';
COMMENT ON COLUMN break_glass_grant.erased_by_entry IS
    'The ERASURE audit entry that blanked the subject, case and reason when the person''s data was erased.';
COMMENT ON COLUMN break_glass_review.erased_by_entry IS
    'The ERASURE audit entry that blanked the review''s written reason.';
