-- When the carrier gave the estimate in carrier_eta: a later report replaces an earlier one, and one
-- that arrives late (a webhook delivered again, a poll answered slowly) does not undo a newer one.
ALTER TABLE shipment_tracking ADD COLUMN carrier_eta_reported_at timestamptz;
