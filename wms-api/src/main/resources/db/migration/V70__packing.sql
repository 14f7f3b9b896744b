-- Packing: a packer's session at a pack station, the orders it packs, the cartons they leave in, the
-- units in each carton, and units declared short at the pack station.

-- One packer at one pack station, opened by scanning a tote of a picked batch or an order number.
CREATE TABLE pack_sessions (
    id                  uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    node_id             uuid        NOT NULL REFERENCES nodes (id),
    station_location_id uuid        NOT NULL REFERENCES locations (id),
    packer_id           uuid        NOT NULL REFERENCES workers (id),
    packer_name         text        NOT NULL,
    -- What was scanned to open it: 'tote' (a batch and tote number) or 'order'.
    opened_by_scan      text        NOT NULL CHECK (opened_by_scan IN ('tote', 'order')),
    batch_id            uuid,
    tote                integer,
    status              text        NOT NULL CHECK (status IN ('open', 'closed')),
    opened_at           timestamptz NOT NULL DEFAULT clock_timestamp(),
    closed_at           timestamptz
);
CREATE INDEX pack_sessions_packer ON pack_sessions (packer_id) WHERE status = 'open';

-- The orders a session packs. An order is packed in at most one open session at a time.
CREATE TABLE pack_session_orders (
    session_id  uuid    NOT NULL REFERENCES pack_sessions (id),
    order_id    uuid    NOT NULL REFERENCES orders (id),
    merchant_id uuid    NOT NULL REFERENCES merchants (id),
    open        boolean NOT NULL DEFAULT true,
    PRIMARY KEY (session_id, order_id)
);
CREATE UNIQUE INDEX pack_session_orders_one_open ON pack_session_orders (order_id) WHERE open;

-- A carton of one order: 'open' while units go in, 'recheck' when its weight was outside the
-- expected weight's tolerance, 'closed' once the box and weight are known and the handlers ran.
CREATE TABLE cartons (
    id                    uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    merchant_id           uuid        NOT NULL REFERENCES merchants (id),
    node_id               uuid        NOT NULL REFERENCES nodes (id),
    order_id              uuid        NOT NULL REFERENCES orders (id),
    session_id            uuid        NOT NULL REFERENCES pack_sessions (id),
    -- 1, 2, ... within the order: "parcel 1 of 2".
    carton_number         integer     NOT NULL CHECK (carton_number > 0),
    status                text        NOT NULL CHECK (status IN ('open', 'recheck', 'closed')),
    box_type_code         text,
    -- Whether the packer took the suggested box or scanned another one.
    box_overridden        boolean,
    length_mm             integer CHECK (length_mm > 0),
    width_mm              integer CHECK (width_mm > 0),
    height_mm             integer CHECK (height_mm > 0),
    weight_grams          integer CHECK (weight_grams > 0),
    expected_weight_grams integer,
    recheck_reason        text,
    packer_name           text        NOT NULL,
    opened_by             text        NOT NULL,
    opened_at             timestamptz NOT NULL DEFAULT clock_timestamp(),
    closed_by             text,
    closed_at             timestamptz,
    UNIQUE (order_id, carton_number)
);
CREATE INDEX cartons_session ON cartons (session_id);
CREATE INDEX cartons_merchant ON cartons (merchant_id, opened_at, id);

-- Units of an order line (and lot) in a carton.
CREATE TABLE carton_lines (
    carton_id  uuid    NOT NULL REFERENCES cartons (id),
    order_id   uuid    NOT NULL,
    line_no    integer NOT NULL,
    variant_id uuid    NOT NULL REFERENCES variants (id),
    sku        text    NOT NULL,
    lot_key    uuid    NOT NULL,
    -- The lot number as the packer scanned it; null for variants without lots.
    lot_number text,
    quantity   integer NOT NULL CHECK (quantity > 0),
    PRIMARY KEY (carton_id, line_no, lot_key),
    FOREIGN KEY (order_id, line_no) REFERENCES order_lines (order_id, line_no)
);
CREATE INDEX carton_lines_order ON carton_lines (order_id, line_no);

-- Units of a line the packer did not find at the pack station: written off there and given back to
-- allocation (the order waits for them again: re-picked when stock is found, else backordered).
CREATE TABLE pack_shorts (
    id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    session_id  uuid        NOT NULL REFERENCES pack_sessions (id),
    merchant_id uuid        NOT NULL REFERENCES merchants (id),
    order_id    uuid        NOT NULL,
    line_no     integer     NOT NULL,
    variant_id  uuid        NOT NULL REFERENCES variants (id),
    lot_key     uuid        NOT NULL,
    quantity    integer     NOT NULL CHECK (quantity > 0),
    written_off integer     NOT NULL CHECK (written_off >= 0),
    declared_by text        NOT NULL,
    declared_at timestamptz NOT NULL DEFAULT clock_timestamp(),
    FOREIGN KEY (order_id, line_no) REFERENCES order_lines (order_id, line_no)
);
CREATE INDEX pack_shorts_order ON pack_shorts (order_id, line_no);
