-- The carrier service the shopper chose at checkout (carrier/service of the carrier directory), when
-- the store offers a choice; waves can then be cut per carrier for its pickup. Null: chosen at packing.
ALTER TABLE orders
    ADD COLUMN carrier_code         text,
    ADD COLUMN carrier_service_code text,
    ADD CONSTRAINT orders_carrier_service_whole CHECK ((carrier_code IS NULL) = (carrier_service_code IS NULL));
