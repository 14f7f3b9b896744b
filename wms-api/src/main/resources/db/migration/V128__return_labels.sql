-- Return labels: the label bought from the order's carrier is kept whole with the return, in the three
-- formats a customer or a merchant prints (PDF, PNG, ZPL), with its price (who pays it is the
-- return's label_paid_by) and, where the carrier takes parcels without a printed label, the drop-off
-- code shown as a QR code (drop_off_code, from V100). V100's single label_format/label_data pair
-- was never written; it is replaced by the three formats.
ALTER TABLE returns
    DROP COLUMN label_format,
    DROP COLUMN label_data,
    ADD COLUMN label_service       text,
    ADD COLUMN label_tracking_url  text,
    ADD COLUMN label_price_minor   bigint,
    ADD COLUMN label_currency      text,
    ADD COLUMN label_pdf           bytea,
    ADD COLUMN label_png           bytea,
    ADD COLUMN label_zpl           bytea,
    ADD CONSTRAINT returns_label_whole CHECK ((label_tracking IS NULL) = (label_pdf IS NULL)
        AND (label_tracking IS NULL) = (label_carrier IS NULL) AND (drop_off_code IS NULL OR label_tracking IS NOT NULL));
