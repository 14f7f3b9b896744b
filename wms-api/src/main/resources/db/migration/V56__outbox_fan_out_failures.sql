-- An event whose fan-out fails (an internal subscriber throws) is set aside until fan_out_retry_at,
-- so the events behind it go on; after the last attempt it is given up with the error kept here.
ALTER TABLE outbox_events
    ADD COLUMN fan_out_attempts integer NOT NULL DEFAULT 0,
    ADD COLUMN fan_out_error    text,
    ADD COLUMN fan_out_retry_at timestamptz,
    ADD COLUMN fan_out_gave_up  boolean NOT NULL DEFAULT false;
