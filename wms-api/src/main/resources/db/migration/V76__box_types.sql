-- Box types (issue 11, cartonization): a merchant's own boxes, and the 3PL's boxes (merchant_id
-- null) offered to every merchant. A merchant's box shadows a 3PL box of the same code.
CREATE TABLE box_types (
    id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    merchant_id      uuid REFERENCES merchants (id),
    code             text        NOT NULL,
    name             text        NOT NULL,
    inner_length_mm  integer     NOT NULL CHECK (inner_length_mm > 0),
    inner_width_mm   integer     NOT NULL CHECK (inner_width_mm > 0),
    inner_height_mm  integer     NOT NULL CHECK (inner_height_mm > 0),
    tare_g           integer     NOT NULL CHECK (tare_g >= 0),
    -- The most the packed carton may weigh, tare included: what the scale and the carrier see.
    max_weight_g     integer     NOT NULL CHECK (max_weight_g > tare_g),
    -- How much of the inner volume the units may take; the rest is room for real shapes and padding.
    max_fill_percent integer     NOT NULL CHECK (max_fill_percent BETWEEN 1 AND 100),
    cost_minor       bigint      NOT NULL CHECK (cost_minor >= 0),
    currency         char(3)     NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
    -- Retired box types are no longer offered; their stock history stays.
    active           boolean     NOT NULL DEFAULT true,
    created_at       timestamptz NOT NULL DEFAULT now(),
    updated_at       timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX box_types_merchant_code ON box_types (merchant_id, code) WHERE merchant_id IS NOT NULL;
CREATE UNIQUE INDEX box_types_shared_code ON box_types (code) WHERE merchant_id IS NULL;

-- Packaging material on hand per box type and node. No row: the node does not count this box.
-- on_hand may go below zero: a carton that was closed in a box used it, whatever the count said.
CREATE TABLE box_stock (
    box_type_id uuid        NOT NULL REFERENCES box_types (id),
    node_id     uuid        NOT NULL REFERENCES nodes (id),
    on_hand     integer     NOT NULL,
    updated_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (box_type_id, node_id)
);

-- Every change of box_stock: received, counted, damaged, or taken by a closed carton (once per carton).
CREATE TABLE box_stock_movements (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    box_type_id   uuid        NOT NULL REFERENCES box_types (id),
    node_id       uuid        NOT NULL REFERENCES nodes (id),
    delta         integer     NOT NULL CHECK (delta <> 0 OR reason = 'counted'),
    on_hand_after integer     NOT NULL,
    reason        text        NOT NULL CHECK (reason IN ('received', 'counted', 'damaged', 'carton_closed')),
    carton_id     uuid,
    actor         text        NOT NULL,
    created_at    timestamptz NOT NULL DEFAULT now(),
    CHECK ((reason = 'carton_closed') = (carton_id IS NOT NULL))
);
CREATE UNIQUE INDEX box_stock_movements_carton ON box_stock_movements (carton_id) WHERE carton_id IS NOT NULL;
CREATE INDEX box_stock_movements_stock ON box_stock_movements (box_type_id, node_id, id);
