-- Units picked for an order that was cancelled afterwards wait at the pack station: a put-back task
-- brings them back to the shelf they were picked from (or to where putaway suggests, when that shelf
-- no longer fits them). One task per variant, lot and shelf of the order's picks.
CREATE TABLE put_back_tasks (
    id                      uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    node_id                 uuid        NOT NULL REFERENCES nodes (id),
    merchant_id             uuid        NOT NULL REFERENCES merchants (id),
    order_id                uuid        NOT NULL REFERENCES orders (id),
    variant_id              uuid        NOT NULL REFERENCES variants (id),
    lot_key                 uuid        NOT NULL,
    -- The pack station (or staging location) the picks put the units at.
    from_location_id        uuid        NOT NULL REFERENCES locations (id),
    -- The shelf the units were picked from, and where they go back to: the same shelf unless it no longer fits them.
    picked_from_location_id uuid        NOT NULL REFERENCES locations (id),
    to_location_id          uuid        NOT NULL REFERENCES locations (id),
    quantity                integer     NOT NULL CHECK (quantity > 0),
    moved_quantity          integer CHECK (moved_quantity >= 0 AND moved_quantity <= quantity),
    status                  text        NOT NULL CHECK (status IN ('open', 'done')),
    created_by              text        NOT NULL,
    created_at              timestamptz NOT NULL DEFAULT clock_timestamp(),
    done_by                 text,
    done_at                 timestamptz,
    -- A cancellation fanned out again (an operator making its event due once more) adds nothing.
    UNIQUE (order_id, variant_id, lot_key, picked_from_location_id, from_location_id)
);
CREATE INDEX put_back_tasks_open ON put_back_tasks (node_id, created_at, id) WHERE status = 'open';
CREATE INDEX put_back_tasks_node ON put_back_tasks (node_id, created_at, id);
