-- Subject access lists who accessed a person's record and why: the audit entries naming them as subject
-- (SubjectStore). Without an index that read scanned every payload of the log (docs/benchmarks.md has both figures
-- on a 1,000,000-entry log). A redacted entry's payload is NULL, so it is not in the index, as it is not in the
-- listing.
CREATE INDEX audit_entry_subject ON audit_entry ((payload->>'subject'));
