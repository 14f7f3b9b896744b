-- The network: warehouses and stores that hold stock, their zones and locations.

CREATE TABLE nodes (
    id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    code         text        NOT NULL UNIQUE,
    kind         text        NOT NULL CHECK (kind IN ('warehouse', 'store')),
    name         text        NOT NULL,
    -- A store may belong to one merchant; warehouses are the 3PL's and serve every merchant.
    merchant_id  uuid REFERENCES merchants (id),
    address_line text        NOT NULL,
    city         text        NOT NULL,
    postal_code  text        NOT NULL,
    country      text        NOT NULL CHECK (country ~ '^[A-Z]{2}$'),
    latitude     double precision NOT NULL CHECK (latitude BETWEEN -90 AND 90),
    longitude    double precision NOT NULL CHECK (longitude BETWEEN -180 AND 180),
    time_zone    text        NOT NULL,
    created_at   timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE zones (
    id      uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    node_id uuid NOT NULL REFERENCES nodes (id),
    code    text NOT NULL,
    name    text NOT NULL,
    UNIQUE (node_id, code),
    UNIQUE (node_id, id)
);

CREATE TABLE locations (
    id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    node_id     uuid    NOT NULL REFERENCES nodes (id),
    zone_id     uuid REFERENCES zones (id),
    code        text    NOT NULL,
    type        text    NOT NULL CHECK (type IN ('pick_face', 'reserve', 'dock', 'staging', 'pack_station', 'returns')),
    aisle       integer,
    bay         integer,
    level       integer,
    x_mm        integer NOT NULL DEFAULT 0,
    y_mm        integer NOT NULL DEFAULT 0,
    -- A pick face is dedicated to one variant; putaway sends that variant there first.
    pick_face_variant_id uuid REFERENCES variants (id),
    pick_face_min        integer NOT NULL DEFAULT 0 CHECK (pick_face_min >= 0),
    active      boolean NOT NULL DEFAULT true,
    UNIQUE (node_id, code),
    UNIQUE (node_id, id)
);
CREATE INDEX locations_pick_face ON locations (pick_face_variant_id) WHERE pick_face_variant_id IS NOT NULL;

ALTER TABLE workers ADD CONSTRAINT workers_node FOREIGN KEY (node_id) REFERENCES nodes (id);
