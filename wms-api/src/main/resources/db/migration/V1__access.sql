-- Access: the 3PL's own settings, merchants and their API keys, warehouse workers and their sessions.

CREATE TABLE settings (
    name  text PRIMARY KEY,
    value text NOT NULL
);

CREATE TABLE merchants (
    id                 uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    name               text        NOT NULL,
    gs1_company_prefix text,
    ship_from_store    boolean     NOT NULL DEFAULT false,
    created_at         timestamptz NOT NULL DEFAULT now()
);

-- Keys are shown once; only a SHA-256 of the secret is kept. The prefix lets people tell keys apart.
CREATE TABLE api_keys (
    id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    merchant_id uuid        NOT NULL REFERENCES merchants (id),
    name        text        NOT NULL,
    prefix      text        NOT NULL,
    secret_hash bytea       NOT NULL UNIQUE,
    created_at  timestamptz NOT NULL DEFAULT now(),
    revoked_at  timestamptz
);
CREATE INDEX api_keys_merchant ON api_keys (merchant_id);

CREATE TABLE workers (
    id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    badge_code      text        NOT NULL UNIQUE,
    -- The warehouse or store the worker works in; set once the network exists (V3).
    node_id         uuid,
    name            text        NOT NULL,
    pin_hash        text        NOT NULL,
    roles           text[]      NOT NULL,
    failed_attempts integer     NOT NULL DEFAULT 0,
    locked_until    timestamptz,
    active          boolean     NOT NULL DEFAULT true,
    created_at      timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE worker_sessions (
    token_hash bytea PRIMARY KEY,
    worker_id  uuid        NOT NULL REFERENCES workers (id),
    device_id  text,
    expires_at timestamptz NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX worker_sessions_expiry ON worker_sessions (expires_at);

-- One idempotency mechanism for every creating POST: the first response is kept and replayed.
CREATE TABLE idempotency_keys (
    scope           text        NOT NULL,
    idempotency_key text        NOT NULL,
    request_hash    bytea       NOT NULL,
    response_status integer,
    response_body   text,
    created_at      timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (scope, idempotency_key)
);

-- Transactional outbox: events are written with the change that caused them.
CREATE TABLE outbox_events (
    id           bigserial PRIMARY KEY,
    event_id     uuid        NOT NULL UNIQUE DEFAULT gen_random_uuid(),
    merchant_id  uuid REFERENCES merchants (id),
    type         text        NOT NULL,
    subject      text        NOT NULL,
    payload      jsonb       NOT NULL,
    created_at   timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX outbox_events_merchant_type ON outbox_events (merchant_id, type, id);
