-- Which transactions changed what the analysts' cohort counts are made of (ADR 0034): the people held, their
-- residences (where they are counted) and the indicator results (who meets what). The web application keeps the
-- counts it made and reuses them while the number of rows here - the committed changes it can see - is the same.
-- A count, not a maximum: transactions commit out of the order their ids were given, so a later-committing
-- transaction with a smaller id would not move a maximum, but always adds one to the count.
CREATE TABLE cohort_input_change (
    tx       bigint      PRIMARY KEY,  -- txid_current() of the writing transaction: one row however many statements
    noted_at timestamptz NOT NULL DEFAULT now()
);

-- Statement-level, and once per transaction: the WHEN below skips every statement after the first, so a batch of
-- a million inserts costs one row here and a cheap check per statement. The flag is transaction-local (set_config's
-- third argument), so it ends with the transaction, and a rolled-back savepoint takes it back with the row.
CREATE FUNCTION note_cohort_input_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO cohort_input_change (tx) VALUES (txid_current()) ON CONFLICT (tx) DO NOTHING;
    PERFORM set_config('threadline.cohort_input_noted', 'yes', true);
    RETURN NULL;
END
$$;

CREATE TRIGGER person_changes_cohorts
    AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON person FOR EACH STATEMENT
    WHEN (current_setting('threadline.cohort_input_noted', true) IS DISTINCT FROM 'yes')
    EXECUTE FUNCTION note_cohort_input_change();
CREATE TRIGGER residence_changes_cohorts
    AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON residence FOR EACH STATEMENT
    WHEN (current_setting('threadline.cohort_input_noted', true) IS DISTINCT FROM 'yes')
    EXECUTE FUNCTION note_cohort_input_change();
CREATE TRIGGER indicator_result_changes_cohorts
    AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON indicator_result FOR EACH STATEMENT
    WHEN (current_setting('threadline.cohort_input_noted', true) IS DISTINCT FROM 'yes')
    EXECUTE FUNCTION note_cohort_input_change();
CREATE TRIGGER indicator_evaluation_changes_cohorts
    AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON indicator_evaluation FOR EACH STATEMENT
    WHEN (current_setting('threadline.cohort_input_noted', true) IS DISTINCT FROM 'yes')
    EXECUTE FUNCTION note_cohort_input_change();
