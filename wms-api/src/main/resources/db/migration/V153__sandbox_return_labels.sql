-- The return labels the sandbox carrier issued (shipping). The sandbox keeps no parcel for a return
-- label until it is dropped off (return labels are paid when used), but the label's tracking link and
-- QR code are live from the start: its page says the parcel awaits drop-off instead of "not found".
CREATE TABLE sandbox_return_labels (
    tracking_number text PRIMARY KEY,
    issued_at       timestamptz NOT NULL
);
