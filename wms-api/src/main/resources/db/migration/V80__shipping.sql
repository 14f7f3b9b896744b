-- Shipping: one shipment per closed carton, with its SSCC, its label and the carrier's answer.

-- SSCC serial references. One sequence for every company prefix: a sequence hands out numbers
-- outside transactions, so concurrent carton closes on any number of instances never wait on each
-- other and never receive the same number; a prefix only sees gaps.
CREATE SEQUENCE shipping_sscc_serials AS bigint START 1 NO CYCLE;

-- Tracking serials for carriers that print their own labels (rate cards, the sandbox). A serial is
-- allotted to a shipment once, before the label is bought, so a purchase repeated after a crash
-- prints the same tracking number instead of a second label.
CREATE SEQUENCE shipping_tracking_serials AS bigint START 1 NO CYCLE;

CREATE TABLE shipments (
    id                   uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    merchant_id          uuid        NOT NULL REFERENCES merchants (id),
    node_id              uuid        NOT NULL REFERENCES nodes (id),
    order_id             uuid        NOT NULL,
    order_number         text        NOT NULL,
    carton_id            uuid        NOT NULL UNIQUE,
    carton_number        integer     NOT NULL CHECK (carton_number > 0),
    sscc                 text        NOT NULL UNIQUE CHECK (sscc ~ '^[0-9]{18}$'),
    status               text        NOT NULL CHECK (status IN ('label_pending', 'label_failed', 'labelled', 'voided',
                                                                'loaded', 'shipped')),
    weight_grams         integer     NOT NULL CHECK (weight_grams > 0),
    length_mm            integer     NOT NULL CHECK (length_mm > 0),
    width_mm             integer     NOT NULL CHECK (width_mm > 0),
    height_mm            integer     NOT NULL CHECK (height_mm > 0),
    -- What the day plan (or the order, or nothing) asked for: carrier/service, and why.
    requested_service    text,
    -- The service the label is bought on; set before buying and kept while a purchase may have happened.
    carrier_code         text,
    service_code         text,
    selection_reason     text,
    -- The purchase's stable references: the carrier's quote id (aggregators buy a quoted shipment)
    -- and the tracking serial for carriers that print their own labels.
    rate_id              text,
    tracking_serial      bigint,
    carrier_account_id   uuid,
    tracking_number      text,
    carrier_shipment_id  text,
    carrier_tracking_url text,
    price_minor          bigint,
    currency             text,
    failure_reason       text,
    attempts             integer     NOT NULL DEFAULT 0,
    -- The instance working on the purchase, until when; the recovery loop takes over expired claims.
    claimed_by           text,
    claimed_until        timestamptz,
    load_id              uuid,
    created_at           timestamptz NOT NULL DEFAULT clock_timestamp(),
    labelled_at          timestamptz,
    voided_at            timestamptz,
    loaded_at            timestamptz,
    shipped_at           timestamptz,
    updated_at           timestamptz NOT NULL DEFAULT clock_timestamp(),
    CHECK ((carrier_code IS NULL) = (service_code IS NULL)),
    CHECK (status <> 'labelled' OR tracking_number IS NOT NULL)
);
CREATE INDEX shipments_order ON shipments (order_id, carton_number);
CREATE INDEX shipments_merchant_status ON shipments (merchant_id, status, created_at, id);
CREATE INDEX shipments_pending_claims ON shipments (claimed_until) WHERE status = 'label_pending';
CREATE INDEX shipments_labelled_day ON shipments (node_id, carrier_code, labelled_at) WHERE labelled_at IS NOT NULL;

-- The label as the carrier answered it, in the three formats; written once per shipment.
CREATE TABLE shipment_labels (
    shipment_id uuid PRIMARY KEY REFERENCES shipments (id),
    zpl         bytea       NOT NULL,
    pdf         bytea       NOT NULL,
    png         bytea       NOT NULL,
    stored_at   timestamptz NOT NULL DEFAULT clock_timestamp()
);

-- The carriers a merchant ships with. Without any, the installation's carriers serve it (the
-- sandbox and the rate cards). An EasyPost API key is kept encrypted (AES-GCM, key from configuration).
CREATE TABLE carrier_accounts (
    id                uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    merchant_id       uuid        NOT NULL REFERENCES merchants (id),
    carrier_code      text        NOT NULL,
    description       text,
    api_key_encrypted bytea,
    api_key_last4     text,
    preferred         boolean     NOT NULL DEFAULT false,
    created_at        timestamptz NOT NULL DEFAULT clock_timestamp(),
    disabled_at       timestamptz,
    UNIQUE (merchant_id, carrier_code)
);
