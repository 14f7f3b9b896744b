-- Tracking: what carriers say happened to each parcel after its label was bought, the status and ETA
-- derived from it, and the late/exception flags. Shipments are shipping's; rows here name them by id.

-- Every carrier event, however it came in (a carrier webhook, a poll of the carrier's tracking, the
-- sandbox's scripted journey), keyed by carrier and tracking number. event_key (when it happened and
-- the carrier's own code) makes the same scan arriving twice, by webhook and by poll, one row.
CREATE TABLE tracking_events (
    id                  bigserial PRIMARY KEY,
    carrier_code        text        NOT NULL,
    tracking_number     text        NOT NULL,
    event_key           text        NOT NULL,
    occurred_at         timestamptz NOT NULL,
    -- The library's TrackingStatus wire name (pre_transit, in_transit, ..., failure, error, unknown).
    carrier_status      text        NOT NULL,
    carrier_status_code text        NOT NULL,
    detail              text        NOT NULL,
    message             text        NOT NULL,
    location            text        NOT NULL,
    source              text        NOT NULL CHECK (source IN ('webhook', 'poll')),
    received_at         timestamptz NOT NULL DEFAULT clock_timestamp(),
    UNIQUE (carrier_code, tracking_number, event_key)
);
CREATE INDEX tracking_events_parcel ON tracking_events (carrier_code, tracking_number, occurred_at DESC);

-- Carrier webhook deliveries already handled (the library's ProcessedWebhookStore): carriers deliver
-- at least once, and the same event id must change nothing the second time, on any instance.
CREATE TABLE carrier_webhook_receipts (
    carrier_code text        NOT NULL,
    event_id     text        NOT NULL,
    received_at  timestamptz NOT NULL DEFAULT clock_timestamp(),
    PRIMARY KEY (carrier_code, event_id)
);

-- One row per tracked shipment: its normalised status, last event, ETAs, flags and when to look again.
CREATE TABLE shipment_tracking (
    shipment_id               uuid PRIMARY KEY,
    merchant_id               uuid        NOT NULL REFERENCES merchants (id),
    node_id                   uuid        NOT NULL REFERENCES nodes (id),
    order_id                  uuid        NOT NULL,
    order_number              text        NOT NULL,
    carrier_code              text        NOT NULL,
    service_code              text        NOT NULL,
    tracking_number           text        NOT NULL,
    -- The lane: origin node (above), destination country and postal prefix.
    destination_country       text        NOT NULL,
    destination_postal_prefix text        NOT NULL,
    destination_city          text,
    promised_on               date,
    labelled_at               timestamptz NOT NULL,
    status                    text        NOT NULL CHECK (status IN ('label_created', 'in_transit', 'out_for_delivery',
                                                                     'available_for_pickup', 'delivered', 'exception',
                                                                     'returned_to_sender')),
    status_changed_at         timestamptz NOT NULL DEFAULT clock_timestamp(),
    last_event_at             timestamptz,
    last_event_description    text,
    last_event_location       text,
    -- The first scan of the carrier after the label (picked up), and delivery: the lane's history.
    first_scan_at             timestamptz,
    delivered_at              timestamptz,
    carrier_eta               date,
    own_eta_from              date,
    own_eta_to                date,
    own_eta_basis             text CHECK (own_eta_basis IN ('lane_history', 'transit_days')),
    -- Each flag is raised once, with its reason; the merchant's event is written in the same transaction.
    delayed_reason            text,
    delayed_at                timestamptz,
    exception_reason          text,
    exception_at              timestamptz,
    delivered_announced_at    timestamptz,
    pickup_point_name         text,
    pickup_point_address      text,
    pickup_point_hours        text,
    pickup_collect_by         date,
    -- Tracking ends at a final status or when the label is voided; nothing is polled or checked after.
    ended_at                  timestamptz,
    -- Polling of the carrier's tracking, claimed with SKIP LOCKED: a claim moves next_poll_at to the lease's end.
    next_poll_at              timestamptz NOT NULL DEFAULT clock_timestamp(),
    poll_failures             integer     NOT NULL DEFAULT 0,
    -- The late check (silence, ETA past the promise), claimed the same way.
    next_check_at             timestamptz NOT NULL DEFAULT clock_timestamp(),
    created_at                timestamptz NOT NULL DEFAULT clock_timestamp(),
    updated_at                timestamptz NOT NULL DEFAULT clock_timestamp(),
    CHECK ((delayed_at IS NULL) = (delayed_reason IS NULL)),
    CHECK ((exception_at IS NULL) = (exception_reason IS NULL))
);
CREATE INDEX shipment_tracking_parcel ON shipment_tracking (carrier_code, tracking_number);
CREATE INDEX shipment_tracking_order ON shipment_tracking (order_id);
CREATE INDEX shipment_tracking_polls ON shipment_tracking (next_poll_at) WHERE ended_at IS NULL;
CREATE INDEX shipment_tracking_checks ON shipment_tracking (next_check_at) WHERE ended_at IS NULL;
-- The lane's history for Stowage's own ETA: delivered parcels of a carrier's service from a node to a postal area.
CREATE INDEX shipment_tracking_lane ON shipment_tracking (carrier_code, service_code, node_id, destination_country,
                                                          destination_postal_prefix, delivered_at)
    WHERE delivered_at IS NOT NULL;
