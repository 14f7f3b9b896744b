-- Storage by volume bills cubic metre days from cubic millimetres: up to nine decimals. A line's
-- quantity and rate are kept exact, so that quantity times rate, rounded once, is its amount.
ALTER TABLE invoice_lines ALTER COLUMN quantity TYPE numeric(24, 9), ALTER COLUMN rate_minor TYPE numeric(24, 9);
