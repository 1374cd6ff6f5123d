-- The organisations a person works for within their agency (a designated safeguarding lead's school, by URN), so an
-- alert a rulebook routes to one organisation (route.organisation: the child's school) reaches that organisation's
-- staff and no other's. '*' stands for every organisation of the agency (a local authority's education safeguarding
-- lead). No row: the person receives only alerts routed to the agency as a whole (deny by default).
CREATE TABLE account_organisation (
    username     text NOT NULL,
    organisation text NOT NULL CHECK (length(organisation) BETWEEN 1 AND 100),
    PRIMARY KEY (username, organisation)
);

COMMENT ON TABLE account_organisation IS 'Which organisations (e.g. schools by URN) a signed-in person works for.';
