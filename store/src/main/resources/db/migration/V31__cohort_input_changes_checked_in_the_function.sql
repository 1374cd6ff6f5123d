-- V27's triggers, checked inside the function rather than in a WHEN clause (ADR 0034). Measured on the 300,000-person
-- store: a WHEN clause calling current_setting() is prepared again for every statement and cost about 10 us per
-- statement that wrote a counted table; the same check in PL/pgSQL, whose plan is kept, about 3 us. (The indicator
-- results are also saved in three statements per chunk now, not three per subject.)
CREATE OR REPLACE FUNCTION note_cohort_input_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF current_setting('threadline.cohort_input_noted', true) IS DISTINCT FROM 'yes' THEN
        INSERT INTO cohort_input_change (tx) VALUES (txid_current()) ON CONFLICT (tx) DO NOTHING;
        PERFORM set_config('threadline.cohort_input_noted', 'yes', true);
    END IF;
    RETURN NULL;
END
$$;

DROP TRIGGER person_changes_cohorts ON person;
DROP TRIGGER residence_changes_cohorts ON residence;
DROP TRIGGER indicator_result_changes_cohorts ON indicator_result;
DROP TRIGGER indicator_evaluation_changes_cohorts ON indicator_evaluation;

CREATE TRIGGER person_changes_cohorts
    AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON person FOR EACH STATEMENT
    EXECUTE FUNCTION note_cohort_input_change();
CREATE TRIGGER residence_changes_cohorts
    AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON residence FOR EACH STATEMENT
    EXECUTE FUNCTION note_cohort_input_change();
CREATE TRIGGER indicator_result_changes_cohorts
    AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON indicator_result FOR EACH STATEMENT
    EXECUTE FUNCTION note_cohort_input_change();
CREATE TRIGGER indicator_evaluation_changes_cohorts
    AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON indicator_evaluation FOR EACH STATEMENT
    EXECUTE FUNCTION note_cohort_input_change();
