-- The sandbox carrier's parcels (shipping): what a real carrier keeps on its side, kept in the
-- database so that every instance of the service voids and tracks the labels any of them bought.
-- scans: every scan planned at label time, [{"at", "code", "message", "location"}], oldest first.
CREATE TABLE sandbox_parcels (
    tracking_number text PRIMARY KEY,
    scans           jsonb       NOT NULL CHECK (jsonb_typeof(scans) = 'array'),
    cancelled_at    timestamptz,
    webhooks_sent   integer     NOT NULL DEFAULT 0 CHECK (webhooks_sent >= 0),
    created_at      timestamptz NOT NULL DEFAULT clock_timestamp(),
    updated_at      timestamptz NOT NULL DEFAULT clock_timestamp()
);

-- A variant's picture (catalog), optional: an http or https address the merchant hosts, shown at the
-- pack station next to the variant's alt text (name, size, colour).
ALTER TABLE variants ADD COLUMN image_url text CHECK (image_url IS NULL OR image_url ~* '^https?://');

-- A carton of an order cancelled before the carton closed (packing): nothing more goes into it, and
-- its units go back to their shelves with the cancellation's put-back task.
ALTER TABLE cartons DROP CONSTRAINT cartons_status_check;
ALTER TABLE cartons ADD CONSTRAINT cartons_status_check CHECK (status IN ('open', 'recheck', 'closed', 'cancelled'));
ALTER TABLE cartons ADD COLUMN cancelled_at timestamptz;
