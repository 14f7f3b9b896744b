-- The figure lives in inventory's variant_totals since V155; nothing reads or writes the catalog's copy.
ALTER TABLE variants DROP COLUMN available_total;
