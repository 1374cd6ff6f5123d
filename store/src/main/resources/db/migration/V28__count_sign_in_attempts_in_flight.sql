-- Sign-in and API authentication attempts in flight count against the throttle's limit (ADR 0026, amended
-- 2026-11-27, "attempts in flight"): a check that lets an attempt go ahead reserves a slot on each of its keys' rows,
-- in the same locked step that read them; the outcome turns the slot into a failure (a wrong password or key) or
-- frees it (a success). reserved[i] is when reservation reservation_ids[i] was taken, on the throttle's clock. A slot
-- whose outcome never comes (the server stopped between the check and the outcome) stops counting one minute after
-- it was taken (SignInThrottle.IN_FLIGHT_EXPIRY): the sweep deletes a row only once its failures have left the window
-- and its reservations are older than that.
ALTER TABLE sign_in_throttle
    ADD COLUMN reserved        timestamptz[] NOT NULL DEFAULT '{}',
    ADD COLUMN reservation_ids uuid[]        NOT NULL DEFAULT '{}',
    ADD CONSTRAINT sign_in_throttle_one_time_per_reservation
        CHECK (cardinality(reserved) = cardinality(reservation_ids));
