-- The carriers' own estimates of delivery, one per parcel (carrier and tracking number): the latest the
-- carrier said, by when it said it, so one that arrives late (a webhook sent again, a slow poll) does not
-- undo a newer one. Kept whether or not the parcel is tracked yet, as tracking_events are: a webhook may
-- come before the label's shipment.created is handled; tracking applies it to shipment_tracking.carrier_eta.
CREATE TABLE carrier_estimates (
    carrier_code    text        NOT NULL,
    tracking_number text        NOT NULL,
    delivery_date   date        NOT NULL,
    reported_at     timestamptz NOT NULL,
    PRIMARY KEY (carrier_code, tracking_number)
);
