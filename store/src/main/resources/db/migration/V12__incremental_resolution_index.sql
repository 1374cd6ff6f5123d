-- Incremental resolution without reading the population (ADR 0009, "Attaching new records"): `people attach` finds
-- a new record's candidates and an event row's target records through an index instead of reading every row.

-- Each record's lookup keys: its 32-bit key under each blocking rule of the build's model (the keys batch blocking
-- uses, mixed with the rule's position) and, for feeds whose events attach to records by a field (a term's
-- attendance by UPN), the key of that field's value. 32-bit hashes can collide; a collision only adds a candidate,
-- which is then scored or checked like any other. NULL: written by a build before V12 (run `people build`).
ALTER TABLE person_record ADD COLUMN lookup_keys integer[];
CREATE INDEX person_record_lookup ON person_record USING gin (lookup_keys);

-- The term frequencies the build's linkage counted (values held by at least two records, and how many records hold
-- a value per column), so an incremental match on a common name is adjusted as batch adjusted it. NULL: a build
-- before V12, which attach cannot extend without reading everything.
ALTER TABLE link_run ADD COLUMN term_frequencies jsonb;

-- The landed files the current build, or an increment since, has read. Replaces a scan of every event's sources.
CREATE TABLE people_file (
    file_id bigint PRIMARY KEY REFERENCES landed_file (id)
);
INSERT INTO people_file (file_id)
SELECT DISTINCT file_id FROM person_record
UNION
SELECT DISTINCT (jsonb_array_elements(sources) ->> 'fileId')::bigint FROM chronology_event;
