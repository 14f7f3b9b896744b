-- Packing slips and the inserts merchants want in parcels.

-- A merchant's rule for something extra in a parcel: a gift on a customer's Nth order, a sample in
-- a first order, a leaflet for a sales channel. Inserts are real SKUs taken from stock.
CREATE TABLE insert_rules (
    id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    merchant_id uuid        NOT NULL REFERENCES merchants (id),
    kind        text        NOT NULL CHECK (kind IN ('nth_order', 'first_order', 'channel')),
    variant_id  uuid        NOT NULL REFERENCES variants (id),
    sku         text        NOT NULL,
    quantity    integer     NOT NULL CHECK (quantity BETWEEN 1 AND 100),
    -- Which of the customer's orders gets it (nth_order only).
    nth_order   integer CHECK (nth_order BETWEEN 2 AND 10000),
    -- The sales channel the rule is for: required for a channel rule, a narrowing for the others.
    channel     text,
    -- Once in the order (its first closed carton that can have it) or in every carton of it.
    once_per    text        NOT NULL CHECK (once_per IN ('order', 'carton')),
    active      boolean     NOT NULL DEFAULT true,
    description text,
    created_at  timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz NOT NULL DEFAULT now(),
    CHECK ((kind = 'nth_order') = (nth_order IS NOT NULL)),
    CHECK (kind <> 'channel' OR channel IS NOT NULL)
);
CREATE INDEX insert_rules_merchant ON insert_rules (merchant_id, created_at, id);

-- What a carton's slip says, written in the transaction that closed the carton, so that a reprint
-- shows what went into the box: the order's customer and language then, the lines, the packer.
CREATE TABLE packing_slips (
    carton_id      uuid PRIMARY KEY,
    merchant_id    uuid        NOT NULL REFERENCES merchants (id),
    node_id        uuid        NOT NULL REFERENCES nodes (id),
    order_id       uuid        NOT NULL,
    order_number   text        NOT NULL,
    carton_number  integer     NOT NULL CHECK (carton_number > 0),
    customer_name  text        NOT NULL,
    country        text        NOT NULL,
    language       text        NOT NULL CHECK (language IN ('en', 'uk', 'lt', 'lv', 'sl')),
    gift_message   text,
    packer_name    text        NOT NULL,
    -- [{"line_no", "sku", "name", "size", "colour", "quantity"}] in line order
    lines          jsonb       NOT NULL,
    closed_at      timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX packing_slips_order ON packing_slips (order_id, carton_number);

-- Each insert a rule put into a carton, or could not for want of stock; the ledger movement that
-- took it. A rule for once per order is taken at most once per order.
CREATE TABLE carton_inserts (
    id          bigserial PRIMARY KEY,
    merchant_id uuid        NOT NULL REFERENCES merchants (id),
    carton_id   uuid        NOT NULL REFERENCES packing_slips (carton_id),
    order_id    uuid        NOT NULL,
    rule_id     uuid REFERENCES insert_rules (id) ON DELETE SET NULL,
    kind        text        NOT NULL,
    once_per    text        NOT NULL,
    variant_id  uuid        NOT NULL REFERENCES variants (id),
    sku         text        NOT NULL,
    name        text        NOT NULL,
    quantity    integer     NOT NULL CHECK (quantity > 0),
    status      text        NOT NULL CHECK (status IN ('taken', 'out_of_stock')),
    movement_id bigint,
    created_at  timestamptz NOT NULL DEFAULT now(),
    -- The row claims the insert before the stock is taken (so two cartons of one order cannot both
    -- take a once-per-order insert); the movement is added in the same transaction.
    CHECK (status = 'taken' OR movement_id IS NULL)
);
CREATE UNIQUE INDEX carton_inserts_once_per_carton ON carton_inserts (rule_id, carton_id);
CREATE UNIQUE INDEX carton_inserts_once_per_order ON carton_inserts (rule_id, order_id) WHERE once_per = 'order' AND status = 'taken';
CREATE INDEX carton_inserts_carton ON carton_inserts (carton_id, id);
