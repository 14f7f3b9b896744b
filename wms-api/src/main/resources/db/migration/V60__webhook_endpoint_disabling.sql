-- An endpoint that has failed every delivery for stowage.webhooks.disable-after is switched off, and
-- says why, so a dead receiver stops costing attempts until its merchant turns it back on.
ALTER TABLE webhook_endpoints
    ADD COLUMN disabled_reason text,
    ADD COLUMN disabled_at     timestamptz;
