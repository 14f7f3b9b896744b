-- How a variant is packed (issue 11, cartonization): fragile units never share a carton with
-- ordinary goods; units that ship separately leave in their own packaging, without a box.
ALTER TABLE variants
    ADD COLUMN fragile          boolean NOT NULL DEFAULT false,
    ADD COLUMN ships_separately boolean NOT NULL DEFAULT false;
