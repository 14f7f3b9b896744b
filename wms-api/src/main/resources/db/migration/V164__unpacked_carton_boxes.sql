-- A closed carton whose order is cancelled before it ships is unpacked at the pack station: its box goes
-- back to the node's packaging stock, once (a 'carton_unpacked' movement, +1, naming the carton). A carton
-- now has at most one movement of each reason, where it had at most one. Boxes of cartons unpacked before
-- this version stay off the stock (their cancellations were handled already; a count puts them right).
DO $$
DECLARE
    constraint_name text;
BEGIN
    -- V76 declared these checks without names: find them by what they say.
    FOR constraint_name IN
        SELECT conname FROM pg_constraint
        WHERE conrelid = 'box_stock_movements'::regclass AND contype = 'c'
          AND (pg_get_constraintdef(oid) LIKE '%carton_id%' OR pg_get_constraintdef(oid) LIKE '%''damaged''%')
    LOOP
        EXECUTE format('ALTER TABLE box_stock_movements DROP CONSTRAINT %I', constraint_name);
    END LOOP;
END $$;

ALTER TABLE box_stock_movements ADD CONSTRAINT box_stock_movements_reason
    CHECK (reason IN ('received', 'counted', 'damaged', 'carton_closed', 'carton_unpacked'));
ALTER TABLE box_stock_movements ADD CONSTRAINT box_stock_movements_carton_reason
    CHECK ((reason IN ('carton_closed', 'carton_unpacked')) = (carton_id IS NOT NULL));

DROP INDEX box_stock_movements_carton;
CREATE UNIQUE INDEX box_stock_movements_carton ON box_stock_movements (carton_id, reason) WHERE carton_id IS NOT NULL;
