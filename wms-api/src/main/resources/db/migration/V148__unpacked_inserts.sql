-- A packing insert of a closed carton whose order is cancelled before it ships is in the unpacked
-- carton at the pack station: it is booked back there once (the movement), and the order's put-back
-- brings it to the location it was taken from. Inserts of orders cancelled before this version stay
-- off the books (their cancellations were handled already).
ALTER TABLE carton_inserts ADD COLUMN unpacked_at timestamptz;
ALTER TABLE carton_inserts ADD COLUMN unpacked_movement_id bigint;
