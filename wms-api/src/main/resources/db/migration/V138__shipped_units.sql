-- Units of an order line that left the node in a carton (its load's manifest closed). Shipping ends
-- their allocation (it is closed, as a released one is) and their reservation, and takes them off the
-- drop-off location through the ledger (a 'shipment' movement); the line counts them here, so a line's
-- units are always its open allocations plus its waiting units plus its shipped units.
ALTER TABLE order_lines ADD COLUMN shipped integer NOT NULL DEFAULT 0;
ALTER TABLE order_lines ADD CONSTRAINT order_lines_shipped_within_quantity CHECK (shipped >= 0 AND shipped <= quantity);
