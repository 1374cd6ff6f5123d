-- Break-glass notifications reach everyone they name (ADR 0026). A notification is addressed to a role at a party
-- (V11); every signed-in person who holds that role at that party receives it, so reading it is recorded per person:
-- one row per notification and reader, written once, never changed or deleted (the NOTIFICATION_READ audit entry
-- written in the same transaction names the grants). V11's read_at/read_by stay: they say who read it first.
CREATE TABLE break_glass_notification_read (
    notification_id bigint      NOT NULL REFERENCES break_glass_notification (notification_id),
    username        text        NOT NULL CHECK (length(username) BETWEEN 1 AND 200),
    read_at         timestamptz NOT NULL,
    PRIMARY KEY (notification_id, username)
);
CREATE INDEX break_glass_notification_read_by_user ON break_glass_notification_read (username);
CREATE INDEX break_glass_notification_by_party ON break_glass_notification (recipient_party, recipient_role);

CREATE TRIGGER break_glass_notification_read_no_update BEFORE UPDATE ON break_glass_notification_read
    FOR EACH ROW EXECUTE FUNCTION break_glass_refuse_change();
CREATE TRIGGER break_glass_notification_read_no_delete BEFORE DELETE OR TRUNCATE ON break_glass_notification_read
    FOR EACH STATEMENT EXECUTE FUNCTION break_glass_refuse_change();

COMMENT ON TABLE break_glass_notification_read IS 'Who has read each break-glass notification addressed to them, and when.';
