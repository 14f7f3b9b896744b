-- Nothing of an API key is kept in clear, not even its last digits.
ALTER TABLE carrier_accounts DROP COLUMN api_key_last4;
-- An EasyPost-compatible endpoint other than EasyPost's own (a proxy, a test server); set only by an administrator.
ALTER TABLE carrier_accounts ADD COLUMN base_uri text;

-- A voided label leaves its carton free for a new shipment; a carton has one shipment that is not voided.
ALTER TABLE shipments DROP CONSTRAINT shipments_carton_id_key;
CREATE UNIQUE INDEX shipments_one_live_per_carton ON shipments (carton_id) WHERE status <> 'voided';

-- A disabled account frees its carrier for a new one (a replaced API key).
ALTER TABLE carrier_accounts DROP CONSTRAINT carrier_accounts_merchant_id_carrier_code_key;
CREATE UNIQUE INDEX carrier_accounts_one_live_per_carrier ON carrier_accounts (merchant_id, carrier_code) WHERE disabled_at IS NULL;
