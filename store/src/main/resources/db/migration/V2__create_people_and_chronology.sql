-- People: the persons linkage resolved, their source records, the changes between runs, human review, and what is
-- built on them (chronology events, relationships, residences). A build replaces the derived tables in one
-- transaction, so a reader never sees half a build; persons and review decisions persist across builds.

CREATE TABLE link_run (
    id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    started_at       timestamptz NOT NULL,
    finished_at      timestamptz NOT NULL,
    model_id         text        NOT NULL,
    model_version    integer     NOT NULL,
    model_sha256     char(64)    NOT NULL,
    trained_model    jsonb       NOT NULL,  -- the document itself: any explanation can be reproduced from it
    person_records   bigint      NOT NULL,
    persons          bigint      NOT NULL,
    pairs_scored     bigint      NOT NULL,
    new_persons      integer     NOT NULL,
    merges           integer     NOT NULL,
    splits           integer     NOT NULL,
    retired          integer     NOT NULL,
    review_items     integer     NOT NULL,
    events           bigint      NOT NULL,
    relationships    bigint      NOT NULL,
    decisions_applied integer    NOT NULL,
    phase_millis     jsonb       NOT NULL
);

CREATE TABLE person (
    person_id     text PRIMARY KEY,
    state         text   NOT NULL CHECK (state IN ('ACTIVE', 'NEEDS_ATTENTION', 'RETIRED')),
    forename      text   NOT NULL,
    surname       text   NOT NULL,
    date_of_birth date,
    sex           text   NOT NULL,
    attention     jsonb  NOT NULL,  -- why a cluster needs attention: the pairs below the fracture threshold
    first_run     bigint NOT NULL REFERENCES link_run (id),
    last_run      bigint NOT NULL REFERENCES link_run (id)
);

CREATE SEQUENCE person_number START 1;

-- One person's part of one source row (part '' is the row's subject; 'mother' a second person named in it).
CREATE TABLE person_record (
    record_key      text PRIMARY KEY,   -- file:row or file:row:part; stable while the store is
    file_id         bigint NOT NULL,
    row_number      bigint NOT NULL,
    part            text   NOT NULL,
    person_id       text   NOT NULL REFERENCES person (person_id),
    agency          text   NOT NULL,
    definition_id   text   NOT NULL,
    link_confidence double precision NOT NULL CHECK (link_confidence BETWEEN 0 AND 1),
    identity        jsonb  NOT NULL,    -- the identity fields linkage compared, for side-by-side review
    FOREIGN KEY (file_id, row_number) REFERENCES raw_row (file_id, row_number)
);
CREATE INDEX person_record_person ON person_record (person_id);

CREATE TABLE person_change (
    id        bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    run_id    bigint NOT NULL REFERENCES link_run (id),
    kind      text   NOT NULL CHECK (kind IN ('MERGE', 'SPLIT', 'RETIRE')),
    before    text[] NOT NULL,
    after     text[] NOT NULL,
    records   integer NOT NULL,
    reason    text   NOT NULL
);

-- A human decision about two records. Append-only: a later decision on the same pair supersedes an earlier one.
CREATE TABLE review_decision (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    record_a    text   NOT NULL,
    record_b    text   NOT NULL,
    decision    text   NOT NULL CHECK (decision IN ('LINK', 'NOT_LINK', 'UNSURE')),
    reason      text   NOT NULL CHECK (length(btrim(reason)) > 0),
    decided_by  text   NOT NULL,
    agency      text   NOT NULL,
    decided_at  timestamptz NOT NULL,
    supersedes  bigint REFERENCES review_decision (id),
    CHECK (record_a < record_b)
);
CREATE INDEX review_decision_pair ON review_decision (record_a, record_b, id);

CREATE FUNCTION refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION '% on % is refused: decisions are append-only records', TG_OP, TG_TABLE_NAME;
END $$;
CREATE TRIGGER review_decision_append_only BEFORE UPDATE OR DELETE ON review_decision
    FOR EACH ROW EXECUTE FUNCTION refuse_change();

-- The review queue of the latest run: uncertain pairs and pairs that broke a cluster.
CREATE TABLE review_item (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    run_id       bigint NOT NULL REFERENCES link_run (id),
    kind         text   NOT NULL CHECK (kind IN ('UNCERTAIN', 'BROKEN_CLUSTER')),
    record_a     text   NOT NULL,
    record_b     text   NOT NULL,
    person_a     text   NOT NULL,
    person_b     text   NOT NULL,
    match_weight double precision NOT NULL,
    probability  double precision NOT NULL,
    explanation  jsonb  NOT NULL
);

CREATE TABLE chronology_event (
    event_id        text PRIMARY KEY,
    person_id       text   NOT NULL,
    event_date      date   NOT NULL,
    date_precision  text   NOT NULL CHECK (date_precision IN ('DAY', 'MONTH', 'YEAR')),
    event_time      time,
    end_date        date,
    agency          text   NOT NULL,
    type            text   NOT NULL,
    role            text   NOT NULL,
    summary         text   NOT NULL,
    significant     boolean NOT NULL,
    facts           jsonb  NOT NULL,
    sources         jsonb  NOT NULL,
    link_confidence double precision NOT NULL
);
CREATE INDEX chronology_event_person ON chronology_event (person_id, event_date);

CREATE TABLE relationship (
    from_person text NOT NULL,
    to_person   text NOT NULL,
    type        text NOT NULL,
    basis       text NOT NULL CHECK (basis IN ('ASSERTED', 'INFERRED')),
    rule        text NOT NULL,
    from_date   date,
    to_date     date,
    evidence    jsonb NOT NULL,
    PRIMARY KEY (from_person, to_person, type)
);
CREATE INDEX relationship_to ON relationship (to_person);

CREATE TABLE residence (
    person_id   text NOT NULL,
    address_key text NOT NULL,
    address     text NOT NULL,
    postcode    text NOT NULL,
    from_date   date NOT NULL,
    to_date     date NOT NULL,
    sources     jsonb NOT NULL,
    PRIMARY KEY (person_id, address_key)
);
