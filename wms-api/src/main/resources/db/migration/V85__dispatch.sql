-- Dispatch: the trailers loaded at the dock, the manifests that close them, and the public tracking
-- tokens of shipped parcels. Shipments themselves are shipping's; rows here name them by id only.

-- A carrier's trailer (or cage, or pickup) at a node. Loads carry every merchant's cartons: they are
-- the 3PL's, not a merchant's. At most one load of a carrier is open at a node at a time; closing it
-- writes the manifest the driver signs, and ships what is on it.
CREATE TABLE loads (
    id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    -- Newest-first paging, and the serial part of the manifest number.
    position         bigserial   NOT NULL UNIQUE,
    node_id          uuid        NOT NULL REFERENCES nodes (id),
    carrier          text        NOT NULL,
    -- The node's local date the load leaves on.
    ship_day         date        NOT NULL,
    dock_code        text,
    trailer          text,
    status           text        NOT NULL CHECK (status IN ('open', 'closed')),
    opened_by        text        NOT NULL,
    opened_at        timestamptz NOT NULL DEFAULT clock_timestamp(),
    manifest_number  text UNIQUE,
    closed_by        text,
    closed_at        timestamptz,
    CHECK ((status = 'closed') = (closed_at IS NOT NULL AND manifest_number IS NOT NULL AND closed_by IS NOT NULL))
);
CREATE UNIQUE INDEX loads_one_open_per_carrier ON loads (node_id, carrier) WHERE status = 'open';
CREATE INDEX loads_node_position ON loads (node_id, position);

-- The cartons scanned onto a load. What the manifest prints is copied here at the scan, so a closed
-- manifest reads the same forever. A shipment is on one load at most (unloading deletes its row).
CREATE TABLE load_cartons (
    load_id          uuid        NOT NULL REFERENCES loads (id),
    shipment_id      uuid        NOT NULL UNIQUE,
    merchant_id      uuid        NOT NULL REFERENCES merchants (id),
    order_id         uuid        NOT NULL,
    order_number     text        NOT NULL,
    carton_id        uuid        NOT NULL,
    carton_number    integer     NOT NULL,
    sscc             text        NOT NULL CHECK (sscc ~ '^[0-9]{18}$'),
    service_code     text        NOT NULL,
    tracking_number  text        NOT NULL,
    weight_grams     integer     NOT NULL CHECK (weight_grams > 0),
    scanned_by       text        NOT NULL,
    scanned_at       timestamptz NOT NULL DEFAULT clock_timestamp(),
    PRIMARY KEY (load_id, shipment_id)
);
CREATE INDEX load_cartons_sscc ON load_cartons (sscc);

-- The unguessable token of a shipment's public tracking page (/track/{token}). The token is a
-- capability: whoever has the link sees the parcel's progress, nothing else; it is stored as given
-- out because the link is sent again (events, e-mails) whenever a parcel's news is told.
CREATE TABLE shipment_tracking_tokens (
    shipment_id      uuid        PRIMARY KEY,
    merchant_id      uuid        NOT NULL REFERENCES merchants (id),
    token            text        NOT NULL UNIQUE CHECK (length(token) >= 32),
    created_at       timestamptz NOT NULL DEFAULT clock_timestamp()
);
