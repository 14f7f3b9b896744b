-- The cartons and pallets units arrived in (issue 14: receiving is charged per carton and per pallet,
-- not only per unit). A receipt may name the carton and the pallet its units came in, by the label on
-- them (an SSCC or the shipper's own number); the first receipt that names one records it here.
-- A handling unit is one per delivery: within one ASN, or for blind receipts within one UTC day, a
-- code names the same carton or pallet however many receipts scan it; the next delivery that reuses
-- the shipper's numbering brings new ones.
CREATE TABLE received_handling_units (
    id                uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    merchant_id       uuid        NOT NULL REFERENCES merchants (id),
    node_id           uuid        NOT NULL REFERENCES nodes (id),
    unit_type         text        NOT NULL CHECK (unit_type IN ('carton', 'pallet')),
    code              text        NOT NULL,
    delivery          text        NOT NULL,
    asn_id            uuid REFERENCES asns (id),
    first_movement_id bigint      NOT NULL,
    first_received_at timestamptz NOT NULL,
    UNIQUE (merchant_id, node_id, unit_type, code, delivery)
);
CREATE INDEX received_handling_units_merchant_time ON received_handling_units (merchant_id, first_received_at);
