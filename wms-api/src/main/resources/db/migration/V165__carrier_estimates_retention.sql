-- Retention deletes carriers' estimates by age (retention.Retention, stowage.retention.carrier-estimates):
-- the oldest first, a chunk at a time, without reading the whole table.
CREATE INDEX carrier_estimates_reported_at ON carrier_estimates (reported_at);
