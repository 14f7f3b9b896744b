-- Loads closed before V138 shipped their cartons but left the units on the books: on hand and reserved
-- at the pack station, their order lines' allocations open. A background pass takes them off as the
-- close does now (dispatch.ClosedLoadUnits), one load at a time, and clears the mark; a load whose units
-- cannot leave (the pack station no longer holds them) keeps the reason. Loads closed since V138 are
-- marked too: the pass finds their shipments' movements in the ledger and leaves them as they are.
ALTER TABLE loads ADD COLUMN units_pending boolean NOT NULL DEFAULT false;
ALTER TABLE loads ADD COLUMN units_problem text;
UPDATE loads SET units_pending = true WHERE status = 'closed';
CREATE INDEX loads_units_pending ON loads (closed_at, id) WHERE units_pending;
