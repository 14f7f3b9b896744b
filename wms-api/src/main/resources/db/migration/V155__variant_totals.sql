-- A variant's available units over every node (on hand less reserved at its sellable levels) move out of the
-- catalog's variants row into inventory's own table (issue 10 part 4: one owner per table). Inventory keeps it in
-- step with stock_levels in the same statements as before; the intake reservation still locks the levels and then
-- these rows in one statement. The SKU is copied with the row so that the stock events the updates return need no
-- second read: a variant's SKU never changes (the catalog keys its variants by it).
CREATE TABLE variant_totals (
    variant_id  uuid    PRIMARY KEY,
    merchant_id uuid    NOT NULL REFERENCES merchants (id),
    sku         text    NOT NULL,
    available   integer NOT NULL,
    -- A variant the catalog may still delete has never moved stock, so its total is 0 and goes with it.
    FOREIGN KEY (merchant_id, variant_id) REFERENCES variants (merchant_id, id) ON DELETE CASCADE
) WITH (fillfactor = 80);

INSERT INTO variant_totals (variant_id, merchant_id, sku, available)
SELECT id, merchant_id, sku, available_total FROM variants;
