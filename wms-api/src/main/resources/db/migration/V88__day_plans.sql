-- Carrier choice for the day (dayplan): a node's parcels not yet labelled are planned together onto
-- carrier services when a wave is released and again at each carrier's cut-off.

-- How many parcels a carrier collects from a node on a pickup day.
CREATE TABLE carrier_pickup_capacities (
    node_id         uuid        NOT NULL REFERENCES nodes (id),
    carrier_code    text        NOT NULL,
    parcels_per_day integer     NOT NULL CHECK (parcels_per_day >= 0),
    updated_at      timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (node_id, carrier_code)
);

-- The carriers a merchant prefers; a parcel on another carrier costs the plan a penalty.
CREATE TABLE preferred_carriers (
    merchant_id  uuid NOT NULL REFERENCES merchants (id),
    carrier_code text NOT NULL,
    PRIMARY KEY (merchant_id, carrier_code)
);

-- One row per node and day: when the next run is due and which instance runs it now. An instance
-- claims a due row (FOR UPDATE SKIP LOCKED) with a token and a lease; only the holder of the token
-- may write the run's result, so two instances never plan the same node and day at once.
CREATE TABLE day_plans (
    node_id       uuid        NOT NULL REFERENCES nodes (id),
    plan_day      date        NOT NULL,
    due_at        timestamptz,
    due_reason    text CHECK (due_reason IN ('wave_released', 'cut_off', 'requested')),
    claim_token   uuid,
    claimed_until timestamptz,
    runs          integer     NOT NULL DEFAULT 0,
    PRIMARY KEY (node_id, plan_day)
);
CREATE INDEX day_plans_due ON day_plans (due_at) WHERE due_at IS NOT NULL;

-- Every run of a node's day plan, with what it planned and how it compares with parcel-by-parcel choice.
CREATE TABLE day_plan_runs (
    node_id               uuid        NOT NULL,
    plan_day              date        NOT NULL,
    run                   integer     NOT NULL,
    reason                text        NOT NULL,
    started_at            timestamptz NOT NULL,
    finished_at           timestamptz NOT NULL,
    parcels               integer     NOT NULL,
    assigned              integer     NOT NULL,
    promises_kept         integer     NOT NULL,
    cost_minor            bigint      NOT NULL,
    greedy_cost_minor     bigint      NOT NULL,
    greedy_promises_kept  integer     NOT NULL,
    currency              text        NOT NULL,
    solve_millis          integer     NOT NULL,
    score                 text        NOT NULL,
    PRIMARY KEY (node_id, plan_day, run),
    FOREIGN KEY (node_id, plan_day) REFERENCES day_plans (node_id, plan_day)
);

-- Each order's planned service (one parcel per order, estimated from its lines before packing), or
-- why it has none. Rows stay after the order is labelled; later runs leave labelled ones alone.
CREATE TABLE planned_parcels (
    order_id           uuid PRIMARY KEY,
    merchant_id        uuid        NOT NULL REFERENCES merchants (id),
    node_id            uuid        NOT NULL,
    plan_day           date        NOT NULL,
    run                integer     NOT NULL,
    service_code       text,
    carrier_code       text,
    unassigned_reason  text,
    reason             text        NOT NULL,
    cost_minor         bigint,
    currency           text,
    ship_date          date,
    estimated_delivery date,
    promised_on        date,
    customer_choice    text,
    weight_g           integer     NOT NULL,
    length_mm          integer     NOT NULL,
    width_mm           integer     NOT NULL,
    height_mm          integer     NOT NULL,
    labelled_at        timestamptz,
    planned_at         timestamptz NOT NULL,
    CHECK ((service_code IS NULL) = (unassigned_reason IS NOT NULL)),
    CHECK ((service_code IS NULL) = (carrier_code IS NULL)),
    FOREIGN KEY (node_id, plan_day) REFERENCES day_plans (node_id, plan_day)
);
CREATE INDEX planned_parcels_day ON planned_parcels (node_id, plan_day, carrier_code);
CREATE INDEX planned_parcels_merchant ON planned_parcels (merchant_id, plan_day);
