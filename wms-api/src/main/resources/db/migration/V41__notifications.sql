-- Notifications to merchants' shoppers: the merchant's own SMTP server and the emails queued for it.

CREATE TABLE notification_settings (
    merchant_id   uuid PRIMARY KEY REFERENCES merchants (id),
    smtp_host     text        NOT NULL,
    smtp_port     integer     NOT NULL CHECK (smtp_port BETWEEN 1 AND 65535),
    smtp_username text,
    -- Kept as given because sending needs it; to be encrypted at rest with a key outside the database.
    smtp_password text,
    from_address  text        NOT NULL,
    starttls      boolean     NOT NULL,
    updated_at    timestamptz NOT NULL DEFAULT now()
);

-- One email per back-in-stock subscription at most: the unique key makes "each shopper once" a rule
-- of the data, whatever instance or retry writes it.
CREATE TABLE notification_emails (
    id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    merchant_id     uuid        NOT NULL REFERENCES merchants (id),
    subscription_id uuid        NOT NULL UNIQUE REFERENCES back_in_stock_subscriptions (id),
    recipient       text        NOT NULL,
    subject         text        NOT NULL,
    body            text        NOT NULL,
    status          text        NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sent', 'failed', 'cancelled')),
    attempts        integer     NOT NULL DEFAULT 0,
    -- As for webhook deliveries: a claim moves this forward by the lease, so a dead sender's emails come due again.
    next_attempt_at timestamptz NOT NULL DEFAULT now(),
    lease_id        uuid,
    last_error      text,
    created_at      timestamptz NOT NULL DEFAULT now(),
    sent_at         timestamptz
);
CREATE INDEX notification_emails_due ON notification_emails (next_attempt_at) WHERE status = 'pending';
CREATE INDEX notification_emails_merchant ON notification_emails (merchant_id, created_at);
