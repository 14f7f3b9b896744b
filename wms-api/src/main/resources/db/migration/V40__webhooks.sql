-- Webhooks: merchants' endpoints, one delivery per event and endpoint, and every attempt made.

-- The fan-out marks each outbox event once it has been turned into deliveries and handed to the
-- internal subscribers; the partial index keeps finding the rest cheap however long the outbox grows.
ALTER TABLE outbox_events ADD COLUMN fanned_out_at timestamptz;
CREATE INDEX outbox_events_not_fanned_out ON outbox_events (id) WHERE fanned_out_at IS NULL;

CREATE TABLE webhook_endpoints (
    id                         uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    merchant_id                uuid        NOT NULL REFERENCES merchants (id),
    url                        text        NOT NULL,
    description                text,
    -- Exact types ('order.accepted'), a family ('order.*') or everything ('*').
    event_types                text[]      NOT NULL CHECK (cardinality(event_types) > 0),
    enabled                    boolean     NOT NULL DEFAULT true,
    -- Signing needs the secret itself, so it cannot be stored hashed like API keys.
    secret                     text        NOT NULL,
    -- After a rotation the old secret still signs for a while, so receivers can switch without a gap.
    previous_secret            text,
    previous_secret_expires_at timestamptz,
    created_at                 timestamptz NOT NULL DEFAULT now(),
    updated_at                 timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX webhook_endpoints_merchant ON webhook_endpoints (merchant_id, created_at, id);

CREATE TABLE webhook_deliveries (
    id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    -- Stable newest-first order for the delivery log's cursor.
    seq             bigserial   NOT NULL UNIQUE,
    merchant_id     uuid        NOT NULL REFERENCES merchants (id),
    endpoint_id     uuid        NOT NULL REFERENCES webhook_endpoints (id) ON DELETE CASCADE,
    outbox_id       bigint      NOT NULL REFERENCES outbox_events (id),
    event_id        uuid        NOT NULL,
    event_type      text        NOT NULL,
    status          text        NOT NULL CHECK (status IN ('pending', 'delivered', 'failed')),
    attempt_count   integer     NOT NULL DEFAULT 0,
    -- When a pending delivery is due. A claim moves it forward by the lease, so a delivery whose
    -- instance died becomes due again by itself once the lease runs out.
    next_attempt_at timestamptz NOT NULL DEFAULT now(),
    -- Which claim may record the outcome; a claim that lost its lease cannot overwrite a newer one.
    lease_id        uuid,
    give_up_at      timestamptz NOT NULL,
    created_at      timestamptz NOT NULL DEFAULT now(),
    delivered_at    timestamptz,
    UNIQUE (event_id, endpoint_id)
);
CREATE INDEX webhook_deliveries_due ON webhook_deliveries (next_attempt_at) WHERE status = 'pending';
CREATE INDEX webhook_deliveries_log ON webhook_deliveries (merchant_id, seq);

CREATE TABLE webhook_delivery_attempts (
    id              bigserial PRIMARY KEY,
    delivery_id     uuid        NOT NULL REFERENCES webhook_deliveries (id) ON DELETE CASCADE,
    attempted_at    timestamptz NOT NULL,
    response_status integer,
    duration_ms     integer     NOT NULL,
    error           text,
    response_body   text
);
CREATE INDEX webhook_delivery_attempts_delivery ON webhook_delivery_attempts (delivery_id, id);
