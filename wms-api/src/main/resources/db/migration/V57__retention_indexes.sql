-- Retention deletes by age; these keep its passes from scanning whole tables.
CREATE INDEX idempotency_keys_created ON idempotency_keys (created_at);
CREATE INDEX outbox_events_created ON outbox_events (created_at);
CREATE INDEX notification_emails_created ON notification_emails (created_at) WHERE status <> 'pending';
