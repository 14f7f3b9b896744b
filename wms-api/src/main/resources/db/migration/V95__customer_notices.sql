-- Customer notices: how the store wants its customer told (orders.customer_notify, beside the phone
-- the order already keeps) and the queue of notices, each once per order, shipment, kind and channel.

-- 'none' for orders the store sent no preference for, and for every order accepted before this column.
ALTER TABLE orders ADD COLUMN customer_notify text NOT NULL DEFAULT 'none'
    CHECK (customer_notify IN ('email', 'sms', 'both', 'none'));

-- The texts are written when a notice is queued, so a retry sends the same words; the unique key makes
-- "each once" a rule of the data, whatever instance or replay of an outbox event writes the notice.
CREATE TABLE customer_notices (
    id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    merchant_id     uuid        NOT NULL REFERENCES merchants (id),
    order_id        uuid        NOT NULL,
    -- Null for notices about the whole order (confirmed); set for a parcel's notices.
    shipment_id     uuid,
    kind            text        NOT NULL CHECK (kind IN ('order_confirmed', 'shipped', 'out_for_delivery', 'ready_for_pickup',
                                                         'delivered', 'delayed', 'exception')),
    channel         text        NOT NULL CHECK (channel IN ('email', 'sms')),
    recipient       text        NOT NULL,
    language        text        NOT NULL,
    -- The outbox event the notice answers.
    event_id        uuid        NOT NULL,
    subject         text,
    body_text       text        NOT NULL,
    body_html       text,
    status          text        NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sent', 'failed', 'cancelled')),
    attempts        integer     NOT NULL DEFAULT 0,
    -- A claim moves this forward by the lease, so a dead sender's notices come due again.
    next_attempt_at timestamptz NOT NULL DEFAULT now(),
    lease_id        uuid,
    last_error      text,
    created_at      timestamptz NOT NULL DEFAULT now(),
    sent_at         timestamptz,
    FOREIGN KEY (merchant_id, order_id) REFERENCES orders (merchant_id, id),
    CHECK ((channel = 'email') = (subject IS NOT NULL AND body_html IS NOT NULL)),
    UNIQUE NULLS NOT DISTINCT (order_id, shipment_id, kind, channel)
);
CREATE INDEX customer_notices_due ON customer_notices (next_attempt_at) WHERE status = 'pending';
CREATE INDEX customer_notices_order ON customer_notices (merchant_id, order_id, created_at, id);
