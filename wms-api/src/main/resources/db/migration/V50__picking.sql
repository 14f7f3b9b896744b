-- Picking: waves of allocated orders planned into cart batches and routes, pick tasks in route order,
-- replenishment of pick faces from reserve.

CREATE TABLE waves (
    id                 uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    node_id            uuid        NOT NULL REFERENCES nodes (id),
    status             text        NOT NULL CHECK (status IN ('planning', 'planned', 'failed', 'released', 'completed')),
    -- The filter the orders were chosen by; null parts did not filter.
    cut_off_before     date,
    service_level      text,
    zone_code          text,
    cart_totes         integer     NOT NULL CHECK (cart_totes > 0),
    tote_volume_cm3    bigint      NOT NULL CHECK (tote_volume_cm3 > 0),
    max_weight_g       bigint      NOT NULL CHECK (max_weight_g > 0),
    time_limit_seconds integer     NOT NULL CHECK (time_limit_seconds > 0),
    -- Raised by every plan and replan: a solve overtaken by a replan must not write its result.
    plan_version       integer     NOT NULL DEFAULT 1,
    -- Any instance may ask; the instance that runs the solve polls it and stops with the best so far.
    stop_requested     boolean     NOT NULL DEFAULT false,
    method             text,
    total_length_m     double precision,
    failure            text,
    created_by         text        NOT NULL,
    created_at         timestamptz NOT NULL DEFAULT now(),
    planned_at         timestamptz,
    released_by        text,
    released_at        timestamptz,
    completed_at       timestamptz
);
CREATE INDEX waves_node ON waves (node_id, status, created_at);

-- The orders a wave was made of. An order is in at most one wave that has not been released;
-- orders that could not be planned stay listed with the reason and are not held.
CREATE TABLE wave_orders (
    wave_id        uuid    NOT NULL REFERENCES waves (id),
    order_id       uuid    NOT NULL REFERENCES orders (id),
    merchant_id    uuid    NOT NULL REFERENCES merchants (id),
    open           boolean NOT NULL DEFAULT true,
    skipped_reason text,
    PRIMARY KEY (wave_id, order_id)
);
CREATE UNIQUE INDEX wave_orders_one_open ON wave_orders (order_id) WHERE open;

-- One cart's trip. Planned batches become ready at release; a picker claims one and picks it.
CREATE TABLE wave_batches (
    id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    wave_id        uuid    NOT NULL REFERENCES waves (id),
    sequence       integer NOT NULL CHECK (sequence > 0),
    totes          integer NOT NULL CHECK (totes > 0),
    route_length_m double precision NOT NULL,
    route_method   text    NOT NULL,
    status         text    NOT NULL CHECK (status IN ('planned', 'ready', 'picking', 'done')),
    picker_id      uuid REFERENCES workers (id),
    claimed_at     timestamptz,
    done_at        timestamptz,
    UNIQUE (wave_id, sequence)
);
CREATE INDEX wave_batches_picker ON wave_batches (picker_id) WHERE status = 'picking';

-- Units of an order line to take from one location (and lot) into a tote, in route order within the batch.
CREATE TABLE pick_tasks (
    id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    wave_id         uuid    NOT NULL REFERENCES waves (id),
    batch_id        uuid    NOT NULL REFERENCES wave_batches (id),
    sequence        integer NOT NULL CHECK (sequence > 0),
    node_id         uuid    NOT NULL REFERENCES nodes (id),
    merchant_id     uuid    NOT NULL REFERENCES merchants (id),
    order_id        uuid    NOT NULL,
    line_no         integer NOT NULL,
    variant_id      uuid    NOT NULL REFERENCES variants (id),
    lot_key         uuid    NOT NULL,
    location_id     uuid    NOT NULL REFERENCES locations (id),
    quantity        integer NOT NULL CHECK (quantity > 0),
    tote            integer NOT NULL CHECK (tote > 0),
    status          text    NOT NULL CHECK (status IN ('open', 'picked', 'short')),
    picked_quantity integer CHECK (picked_quantity >= 0 AND picked_quantity <= quantity),
    -- A task appended by a short pick names the task it stands in for.
    replaces_task_id uuid REFERENCES pick_tasks (id),
    picked_by       text,
    picked_at       timestamptz,
    FOREIGN KEY (order_id, line_no) REFERENCES order_lines (order_id, line_no),
    UNIQUE (batch_id, sequence)
);
CREATE INDEX pick_tasks_order ON pick_tasks (order_id, line_no);
CREATE INDEX pick_tasks_open_at ON pick_tasks (location_id, variant_id) WHERE status = 'open';

-- Units to bring from a reserve location to a pick face, before the picks there are offered.
CREATE TABLE replenishment_tasks (
    id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    node_id          uuid        NOT NULL REFERENCES nodes (id),
    wave_id          uuid REFERENCES waves (id),
    merchant_id      uuid        NOT NULL REFERENCES merchants (id),
    variant_id       uuid        NOT NULL REFERENCES variants (id),
    lot_key          uuid        NOT NULL,
    from_location_id uuid        NOT NULL REFERENCES locations (id),
    to_location_id   uuid        NOT NULL REFERENCES locations (id),
    quantity         integer     NOT NULL CHECK (quantity > 0),
    status           text        NOT NULL CHECK (status IN ('open', 'done')),
    created_by       text        NOT NULL,
    created_at       timestamptz NOT NULL DEFAULT clock_timestamp(),
    done_by          text,
    done_at          timestamptz
);
CREATE INDEX replenishment_tasks_open ON replenishment_tasks (node_id, created_at, id) WHERE status = 'open';
CREATE INDEX replenishment_tasks_face ON replenishment_tasks (to_location_id) WHERE status = 'open';
