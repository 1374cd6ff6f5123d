-- Why a record belongs to its person when the linkage model did not put it there (issue #5, ADR 0023): a named rule
-- and its evidence in words, such as a row before birth joined to the child born after it. NULL: the model's
-- scoring (its explanation is the match waterfall, recomputed from the trained model).
ALTER TABLE person_record ADD COLUMN linked_by text;
