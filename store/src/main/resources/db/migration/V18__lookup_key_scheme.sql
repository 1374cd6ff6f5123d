-- Which scheme made a build's lookup keys (ADR 0009, revision "fresh copies" and "attaching"): `people attach` and
-- find a person use the stored keys only when they were made the way the running version makes them; otherwise
-- attach refuses with what to do and search reads every record. NULL: a build before the scheme was kept.
ALTER TABLE link_run ADD COLUMN lookup_scheme text;
