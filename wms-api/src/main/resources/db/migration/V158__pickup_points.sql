-- Where a parcel waits to be collected, as the carrier's scan named it (the carrier library's
-- PickupPointJson shape: name, address, opening hours, collect-by), kept with the scan so that a
-- shipment's pickup point is worked out from its events like the rest of its state.
ALTER TABLE tracking_events ADD COLUMN pickup_point jsonb;

-- The shipment's pickup point's opening hours are structured ({"always_open": ..., "days": [...]}), not
-- the carrier's sentence, so that each customer page writes them in its reader's language. Nothing
-- ever wrote the text column, so no value is lost.
ALTER TABLE shipment_tracking ALTER COLUMN pickup_point_hours TYPE jsonb USING NULL;
