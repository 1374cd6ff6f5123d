-- Intake: every landed file, every row as received, its standardised form, and the rows quarantined.
-- A file's rows are written in the same transaction as its landed_file row, so a load is all or nothing.

CREATE TABLE landed_file (
    id                 bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    sha256             char(64)    NOT NULL UNIQUE,  -- the content's identity: the same bytes land once
    size_bytes         bigint      NOT NULL,
    original_name      text        NOT NULL,
    agency             text        NOT NULL,
    definition_id      text        NOT NULL,
    definition_version integer     NOT NULL,
    definition_sha256  char(64)    NOT NULL,
    landed_at          timestamptz NOT NULL,
    landed_by          text        NOT NULL,
    stored_path        text        NOT NULL,
    rows_read          bigint      NOT NULL,
    rows_loaded        bigint      NOT NULL,
    rows_quarantined   bigint      NOT NULL,
    status             text        NOT NULL CHECK (status IN ('LOADED')),
    CHECK (rows_read = rows_loaded + rows_quarantined)
);

CREATE TABLE raw_row (
    file_id    bigint NOT NULL REFERENCES landed_file (id),
    row_number bigint NOT NULL,   -- 1-based, counting the header, as a person sees it in the file
    sheet      text   NOT NULL,   -- empty for text files
    cells      jsonb  NOT NULL,   -- array of the cells exactly as read
    problem    text   NOT NULL,   -- empty, or why the reader could not use the row
    PRIMARY KEY (file_id, row_number)
);

CREATE TABLE standardised_row (
    file_id       bigint NOT NULL,
    row_number    bigint NOT NULL,
    definition_id text   NOT NULL,
    fields        jsonb  NOT NULL,  -- {field: {value, outcome, reason}}
    PRIMARY KEY (file_id, row_number),
    FOREIGN KEY (file_id, row_number) REFERENCES raw_row (file_id, row_number)
);

CREATE TABLE quarantined_row (
    file_id    bigint NOT NULL,
    row_number bigint NOT NULL,
    reasons    jsonb  NOT NULL,     -- {field or "row": reason}
    PRIMARY KEY (file_id, row_number),
    FOREIGN KEY (file_id, row_number) REFERENCES raw_row (file_id, row_number)
);
