-- Returns: each merchant's return policy, the returns (RMAs) requested against shipped orders, their
-- lines, what the returns station graded them as, and the photos it took. Orders, variants, nodes
-- and locations are other features' rows, named here by id only.

-- One policy per merchant. Without one, returns are refused: the merchant decides the rules first.
CREATE TABLE return_policies (
    merchant_id         uuid        PRIMARY KEY REFERENCES merchants (id),
    -- Days from delivery (from shipping while delivery is not known) in which a return may start.
    window_days         integer     NOT NULL CHECK (window_days BETWEEN 0 AND 365),
    non_returnable_skus text[]      NOT NULL,
    reasons             text[]      NOT NULL CHECK (cardinality(reasons) >= 1),
    label_paid_by       text        NOT NULL CHECK (label_paid_by IN ('merchant', 'customer')),
    exchanges_allowed   boolean     NOT NULL,
    updated_at          timestamptz NOT NULL DEFAULT clock_timestamp()
);

CREATE TABLE returns (
    id                  uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
    -- Stable paging order and the serial part of the RMA number.
    position            bigserial   NOT NULL UNIQUE,
    merchant_id         uuid        NOT NULL REFERENCES merchants (id),
    rma                 text        NOT NULL UNIQUE,
    order_id            uuid        NOT NULL,
    -- The node the order shipped from: the parcel comes back there.
    node_id             uuid        NOT NULL REFERENCES nodes (id),
    requested_by        text        NOT NULL,
    status              text        NOT NULL CHECK (status IN ('requested', 'received')),
    exchange_order_id   uuid,
    label_carrier       text,
    label_tracking      text,
    label_format        text,
    label_data          bytea,
    drop_off_code       text,
    label_paid_by       text        NOT NULL CHECK (label_paid_by IN ('merchant', 'customer')),
    requested_at        timestamptz NOT NULL DEFAULT clock_timestamp(),
    received_at         timestamptz,
    received_by         text,
    CHECK ((status = 'received') = (received_at IS NOT NULL))
);
CREATE INDEX returns_order ON returns (merchant_id, order_id);
CREATE INDEX returns_label ON returns (label_tracking) WHERE label_tracking IS NOT NULL;

-- What the customer sends back: a variant of the order, how many, why, and for an exchange the
-- variant wanted instead.
CREATE TABLE return_lines (
    return_id           uuid        NOT NULL REFERENCES returns (id),
    line_no             integer     NOT NULL,
    merchant_id         uuid        NOT NULL REFERENCES merchants (id),
    variant_id          uuid        NOT NULL,
    sku                 text        NOT NULL,
    quantity            integer     NOT NULL CHECK (quantity > 0),
    reason              text        NOT NULL,
    exchange_variant_id uuid,
    exchange_sku        text,
    received            integer     NOT NULL DEFAULT 0 CHECK (received >= 0 AND received <= quantity),
    PRIMARY KEY (return_id, line_no),
    CHECK ((exchange_variant_id IS NULL) = (exchange_sku IS NULL))
);

-- Units as the station graded them. The ledger holds where they went; this says why.
CREATE TABLE return_grades (
    id                  bigserial   PRIMARY KEY,
    return_id           uuid        NOT NULL REFERENCES returns (id),
    line_no             integer     NOT NULL,
    merchant_id         uuid        NOT NULL REFERENCES merchants (id),
    variant_id          uuid        NOT NULL,
    quantity            integer     NOT NULL CHECK (quantity > 0),
    grade               text        NOT NULL CHECK (grade IN ('restock', 'refurbish', 'quarantine', 'dispose')),
    location_id         uuid,
    location_code       text,
    graded_by           text        NOT NULL,
    graded_at           timestamptz NOT NULL DEFAULT clock_timestamp(),
    FOREIGN KEY (return_id, line_no) REFERENCES return_lines (return_id, line_no)
);
CREATE INDEX return_grades_merchant_time ON return_grades (merchant_id, graded_at);

CREATE TABLE return_photos (
    id                  uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
    return_id           uuid        NOT NULL REFERENCES returns (id),
    merchant_id         uuid        NOT NULL REFERENCES merchants (id),
    content_type        text        NOT NULL CHECK (content_type IN ('image/jpeg', 'image/png')),
    width               integer     NOT NULL,
    height              integer     NOT NULL,
    bytes               bytea       NOT NULL,
    taken_by            text        NOT NULL,
    taken_at            timestamptz NOT NULL DEFAULT clock_timestamp()
);
CREATE INDEX return_photos_return ON return_photos (return_id);
