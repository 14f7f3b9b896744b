-- A shipment's units of a variant and lot leave the books once: a second 'shipment' movement for the
-- same reference (a retried or concurrent load close on another instance) fails instead of taking
-- the units twice.
CREATE UNIQUE INDEX stock_movements_shipped_once ON stock_movements (reference_type, reference_id, variant_id, lot_id) NULLS NOT DISTINCT
    WHERE kind = 'shipment';
