-- The merchant's face on the customer's pages (tracking, returns): the name its customers know it by
-- (the 3PL's name for the client may differ) and its brand colour, lower-case #rrggbb. The pages pick
-- the text colour that reads on it, so any colour is accepted.
ALTER TABLE merchants
    ADD COLUMN brand_name   text CHECK (brand_name IS NULL OR length(brand_name) BETWEEN 1 AND 100),
    ADD COLUMN brand_colour text CHECK (brand_colour IS NULL OR brand_colour ~ '^#[0-9a-f]{6}$');

-- The key that signs what the tracking page leaves in a visitor's browser (the unlocked order, the
-- form's CSRF token): one row, made by the first instance that starts, so every instance behind the
-- load balancer accepts what another signed.
CREATE TABLE trackpage_signing_keys (
    id          smallint PRIMARY KEY CHECK (id = 1),
    secret      bytea       NOT NULL CHECK (length(secret) = 32),
    created_at  timestamptz NOT NULL DEFAULT now()
);

-- Wrong answers to the tracking page's privacy question (the order's e-mail or postal code), per
-- order: an order takes a limited number in a window whatever client or instance sends them, so the
-- postal code (a few digits) cannot be walked through from many addresses.
CREATE TABLE trackpage_unlock_failures (
    order_id    uuid        NOT NULL,
    failed_at   timestamptz NOT NULL DEFAULT clock_timestamp()
);
CREATE INDEX trackpage_unlock_failures_order ON trackpage_unlock_failures (order_id, failed_at);
