-- Orders: intake, routing to warehouses and stores, allocations that hold reserved stock, backorders and preorders.

CREATE TABLE orders (
    id                 uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    merchant_id        uuid        NOT NULL REFERENCES merchants (id),
    status             text        NOT NULL CHECK (status IN ('accepted', 'allocated', 'partially_allocated', 'backordered',
                                       'released', 'picked', 'packed', 'shipped', 'delivered', 'cancelled', 'on_hold')),
    -- Where an order on hold returns when the hold is lifted.
    status_before_hold text,
    service_level      text        NOT NULL CHECK (service_level IN ('standard', 'express', 'eco', 'store_pickup', 'pickup_point')),
    channel            text        NOT NULL,
    pickup_node_id     uuid REFERENCES nodes (id),
    customer_name      text        NOT NULL,
    customer_email     text,
    customer_phone     text,
    address_line       text,
    city               text,
    postal_code        text,
    country            text        NOT NULL CHECK (country ~ '^[A-Z]{2}$'),
    latitude           double precision,
    longitude          double precision,
    -- The point the order was routed from: the address coordinates, the pickup store, or the country centroid.
    route_latitude     double precision NOT NULL,
    route_longitude    double precision NOT NULL,
    route_basis        text        NOT NULL CHECK (route_basis IN ('address', 'pickup_store', 'country_centroid')),
    promised_on        date,
    gift_message       text,
    accepted_at        timestamptz NOT NULL DEFAULT clock_timestamp(),
    updated_at         timestamptz NOT NULL DEFAULT clock_timestamp(),
    UNIQUE (merchant_id, id)
);
CREATE INDEX orders_merchant_accepted ON orders (merchant_id, accepted_at, id);
CREATE INDEX orders_merchant_status ON orders (merchant_id, status, accepted_at, id);

CREATE TABLE order_lines (
    order_id    uuid    NOT NULL REFERENCES orders (id),
    line_no     integer NOT NULL,
    merchant_id uuid    NOT NULL REFERENCES merchants (id),
    variant_id  uuid    NOT NULL REFERENCES variants (id),
    quantity    integer NOT NULL CHECK (quantity > 0),
    -- Units not yet allocated: backordered, or preordered when expected_on is set.
    waiting     integer NOT NULL CHECK (waiting >= 0 AND waiting <= quantity),
    expected_on date,
    PRIMARY KEY (order_id, line_no)
);
CREATE INDEX order_lines_waiting ON order_lines (variant_id) WHERE waiting > 0;

-- Units of a line held at a node (and lot, for lot-tracked variants); open while released_at is null.
-- The open allocations of a variant at a node always add up to stock_levels.reserved there.
CREATE TABLE order_allocations (
    id          bigserial PRIMARY KEY,
    merchant_id uuid        NOT NULL REFERENCES merchants (id),
    order_id    uuid        NOT NULL,
    line_no     integer     NOT NULL,
    variant_id  uuid        NOT NULL REFERENCES variants (id),
    node_id     uuid        NOT NULL REFERENCES nodes (id),
    lot_key     uuid        NOT NULL,
    quantity    integer     NOT NULL CHECK (quantity > 0),
    created_at  timestamptz NOT NULL DEFAULT now(),
    released_at timestamptz,
    FOREIGN KEY (order_id, line_no) REFERENCES order_lines (order_id, line_no)
);
CREATE INDEX order_allocations_order ON order_allocations (order_id);
CREATE INDEX order_allocations_open ON order_allocations (variant_id, node_id, lot_key) WHERE released_at IS NULL;

-- Every status an order went through, with who moved it and why.
CREATE TABLE order_history (
    id          bigserial PRIMARY KEY,
    order_id    uuid        NOT NULL REFERENCES orders (id),
    merchant_id uuid        NOT NULL REFERENCES merchants (id),
    from_status text,
    to_status   text        NOT NULL,
    actor       text        NOT NULL,
    note        text,
    created_at  timestamptz NOT NULL DEFAULT clock_timestamp()
);
CREATE INDEX order_history_order ON order_history (order_id, id);

-- The shortest remaining shelf life a merchant accepts for lots shipped to a channel's customers.
CREATE TABLE shelf_life_rules (
    merchant_id        uuid        NOT NULL REFERENCES merchants (id),
    channel            text        NOT NULL,
    min_remaining_days integer     NOT NULL CHECK (min_remaining_days >= 0),
    updated_at         timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (merchant_id, channel)
);
