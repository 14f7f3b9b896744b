-- The business days in transit the bought rate counted on for the parcel's destination (shipping), and tracking's
-- copy of them, from which Stowage's own ETA is worked out until the lane has a delivery history. A service's own
-- figure is only its fastest (an aggregator's services have none), so the label's is kept. Null for labels bought
-- before this column: those fall back to the service's figure.
ALTER TABLE shipments ADD COLUMN transit_days integer CHECK (transit_days >= 0);
ALTER TABLE shipment_tracking ADD COLUMN transit_days integer CHECK (transit_days >= 0);
