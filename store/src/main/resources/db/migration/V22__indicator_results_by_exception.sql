-- Indicator results stored by exception (ADR 0029): a row per MET or INSUFFICIENT_DATA indicator, and one
-- evaluation row per subject and rulebook naming the indicators found not met. At 3,000,000 people the not-met rows
-- were 84 % of 54 million rows (31 GB), their spelled-out reasons shown nowhere.

CREATE TABLE indicator_evaluation (
    subject_person_id text        NOT NULL,
    rulebook_id       text        NOT NULL,
    rulebook_version  integer     NOT NULL,
    rulebook_sha256   char(64)    NOT NULL,
    as_of             date        NOT NULL,
    evaluated_at      timestamptz NOT NULL,
    not_met           text[]      NOT NULL,  -- the indicators evaluated and not met (no evidence in the records)
    PRIMARY KEY (subject_person_id, rulebook_id)
);

INSERT INTO indicator_evaluation (subject_person_id, rulebook_id, rulebook_version, rulebook_sha256, as_of,
                                  evaluated_at, not_met)
SELECT subject_person_id, rulebook_id, max(rulebook_version), max(rulebook_sha256), max(as_of), max(evaluated_at),
       coalesce(array_agg(indicator_id ORDER BY indicator_id) FILTER (WHERE status = 'NOT_MET'), '{}')
FROM indicator_result
GROUP BY subject_person_id, rulebook_id;

DELETE FROM indicator_result WHERE status = 'NOT_MET';

ALTER TABLE indicator_result ADD CONSTRAINT indicator_result_by_exception CHECK (status <> 'NOT_MET');
