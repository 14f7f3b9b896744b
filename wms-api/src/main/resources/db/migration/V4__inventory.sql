-- Inventory: an append-only movement ledger and the balances derived from it.

CREATE TABLE lots (
    id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    merchant_id uuid NOT NULL REFERENCES merchants (id),
    variant_id  uuid NOT NULL REFERENCES variants (id),
    lot_number  text NOT NULL,
    expires_on  date,
    UNIQUE (variant_id, lot_number)
);

-- Every unit that moves, appears or disappears is one row here; nothing is ever updated or deleted.
CREATE TABLE stock_movements (
    id               bigserial PRIMARY KEY,
    merchant_id      uuid        NOT NULL REFERENCES merchants (id),
    node_id          uuid        NOT NULL REFERENCES nodes (id),
    variant_id       uuid        NOT NULL REFERENCES variants (id),
    lot_id           uuid REFERENCES lots (id),
    kind             text        NOT NULL,
    quantity         integer     NOT NULL CHECK (quantity > 0),
    from_location_id uuid REFERENCES locations (id),
    to_location_id   uuid REFERENCES locations (id),
    from_status      text,
    to_status        text,
    reason           text,
    reference_type   text,
    reference_id     text,
    actor            text        NOT NULL,
    device_id        text,
    created_at       timestamptz NOT NULL DEFAULT now(),
    CHECK (from_location_id IS NOT NULL OR to_location_id IS NOT NULL)
);
CREATE INDEX stock_movements_variant ON stock_movements (merchant_id, variant_id, id);

CREATE FUNCTION forbid_ledger_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'stock_movements is append-only';
END $$;
CREATE TRIGGER stock_movements_append_only BEFORE UPDATE OR DELETE ON stock_movements
    FOR EACH ROW EXECUTE FUNCTION forbid_ledger_change();

-- On hand per location, variant, lot and status. lot_key is the lot id or the nil uuid, so that
-- the unique key also holds for untracked stock.
CREATE TABLE stock_balances (
    merchant_id uuid    NOT NULL REFERENCES merchants (id),
    node_id     uuid    NOT NULL REFERENCES nodes (id),
    location_id uuid    NOT NULL REFERENCES locations (id),
    variant_id  uuid    NOT NULL REFERENCES variants (id),
    lot_key     uuid    NOT NULL,
    status      text    NOT NULL CHECK (status IN ('available', 'quarantine', 'damaged')),
    on_hand     integer NOT NULL CHECK (on_hand >= 0),
    PRIMARY KEY (location_id, variant_id, lot_key, status)
);
CREATE INDEX stock_balances_variant ON stock_balances (merchant_id, variant_id, node_id);

-- Sellable units per node: what stores are told and what orders reserve against.
CREATE TABLE stock_levels (
    merchant_id uuid    NOT NULL REFERENCES merchants (id),
    variant_id  uuid    NOT NULL REFERENCES variants (id),
    node_id     uuid    NOT NULL REFERENCES nodes (id),
    on_hand     integer NOT NULL DEFAULT 0 CHECK (on_hand >= 0),
    reserved    integer NOT NULL DEFAULT 0 CHECK (reserved >= 0),
    CHECK (reserved <= on_hand),
    PRIMARY KEY (variant_id, node_id)
);
CREATE INDEX stock_levels_merchant ON stock_levels (merchant_id, variant_id);

-- Advance shipping notices: what a merchant's supplier will deliver, and when.
CREATE TABLE asns (
    id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    merchant_id   uuid        NOT NULL REFERENCES merchants (id),
    node_id       uuid        NOT NULL REFERENCES nodes (id),
    reference     text        NOT NULL,
    supplier      text,
    expected_on   date        NOT NULL,
    status        text        NOT NULL CHECK (status IN ('open', 'receiving', 'closed')),
    created_at    timestamptz NOT NULL DEFAULT now(),
    closed_at     timestamptz,
    UNIQUE (merchant_id, reference)
);

CREATE TABLE asn_lines (
    asn_id            uuid    NOT NULL REFERENCES asns (id),
    line_no           integer NOT NULL,
    variant_id        uuid    NOT NULL REFERENCES variants (id),
    expected_quantity integer NOT NULL CHECK (expected_quantity > 0),
    received_quantity integer NOT NULL DEFAULT 0 CHECK (received_quantity >= 0),
    lot_number        text,
    expires_on        date,
    PRIMARY KEY (asn_id, line_no)
);
CREATE INDEX asn_lines_variant ON asn_lines (variant_id);

-- Blind cycle counts: the counter never sees the expected quantity.
CREATE TABLE count_tasks (
    id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    node_id      uuid        NOT NULL REFERENCES nodes (id),
    location_id  uuid        NOT NULL REFERENCES locations (id),
    status       text        NOT NULL CHECK (status IN ('open', 'counted', 'approved', 'rejected')),
    created_by   text        NOT NULL,
    counted_by   text,
    counted_at   timestamptz,
    decided_by   text,
    decided_at   timestamptz,
    created_at   timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX count_tasks_one_open_per_location ON count_tasks (location_id) WHERE status IN ('open', 'counted');

CREATE TABLE count_lines (
    count_task_id uuid    NOT NULL REFERENCES count_tasks (id),
    merchant_id   uuid    NOT NULL REFERENCES merchants (id),
    variant_id    uuid    NOT NULL REFERENCES variants (id),
    lot_key       uuid    NOT NULL,
    expected      integer NOT NULL,
    counted       integer NOT NULL CHECK (counted >= 0),
    PRIMARY KEY (count_task_id, variant_id, lot_key)
);

-- Shoppers who asked to hear when a variant is back.
CREATE TABLE back_in_stock_subscriptions (
    id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    merchant_id  uuid        NOT NULL REFERENCES merchants (id),
    variant_id   uuid        NOT NULL REFERENCES variants (id),
    email        text        NOT NULL,
    created_at   timestamptz NOT NULL DEFAULT now(),
    notified_at  timestamptz
);
CREATE UNIQUE INDEX back_in_stock_waiting ON back_in_stock_subscriptions (variant_id, email) WHERE notified_at IS NULL;
