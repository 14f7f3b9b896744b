-- A parcel's notices go one at a time in the order their news happened: a held notice may now wait for the
-- parcel's notice of earlier news, so waiting_for names any kind of notice.
ALTER TABLE customer_notices
    DROP CONSTRAINT customer_notices_waiting_for_check,
    ADD CONSTRAINT customer_notices_waiting_for_check CHECK (waiting_for IN ('order_confirmed', 'shipped', 'out_for_delivery',
                                                                           'ready_for_pickup', 'delivered', 'delayed', 'exception'));
