-- Units picked for an order that the packer did not find at the pack station (a short at packing).
-- They were picked, but are gone: a later wave must pick them again when the order gets units anew,
-- so the wave's "already picked" count leaves them out. Written by picking (PickedUnits.lostAfterPicking),
-- which owns pick_tasks; packing declares the short.
ALTER TABLE pick_tasks ADD COLUMN lost_quantity integer NOT NULL DEFAULT 0;
ALTER TABLE pick_tasks ADD CONSTRAINT pick_tasks_lost_within_picked CHECK (lost_quantity >= 0 AND lost_quantity <= coalesce(picked_quantity, 0));
