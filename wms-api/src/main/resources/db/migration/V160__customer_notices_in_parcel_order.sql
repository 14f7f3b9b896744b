-- A customer's notices go in the order of the parcel's life. The send loop holds a notice while the one
-- before it on its channel (the order's confirmation, the parcel's shipped notice) is still to be sent:
-- waiting_for is what a held notice waits for, so that notice can release it at once when it leaves the
-- queue, and the merchant can see why it has not gone yet. news_at is when the notice's news happened (the
-- shipping, the carrier's scan), by which a notice is told stale once later news of the parcel is known;
-- null for notices queued before this column, which the loop dates by when they were queued.
ALTER TABLE customer_notices
    ADD COLUMN waiting_for text CHECK (waiting_for IN ('order_confirmed', 'shipped')),
    ADD COLUMN news_at     timestamptz;
