-- Catalog: products and their variants (size, colour, ...), barcodes and alternatives.

CREATE TABLE products (
    id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    merchant_id  uuid        NOT NULL REFERENCES merchants (id),
    product_code text        NOT NULL,
    name         text        NOT NULL,
    description  text,
    created_at   timestamptz NOT NULL DEFAULT now(),
    updated_at   timestamptz NOT NULL DEFAULT now(),
    UNIQUE (merchant_id, product_code)
);

CREATE TABLE variants (
    id                  uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    merchant_id         uuid        NOT NULL REFERENCES merchants (id),
    product_id          uuid        NOT NULL REFERENCES products (id),
    sku                 text        NOT NULL,
    name                text        NOT NULL,
    attributes          jsonb       NOT NULL DEFAULT '{}',
    weight_g            integer     NOT NULL CHECK (weight_g >= 0),
    length_mm           integer     NOT NULL CHECK (length_mm >= 0),
    width_mm            integer     NOT NULL CHECK (width_mm >= 0),
    height_mm           integer     NOT NULL CHECK (height_mm >= 0),
    lot_tracked         boolean     NOT NULL DEFAULT false,
    expiry_tracked      boolean     NOT NULL DEFAULT false,
    low_stock_threshold integer     NOT NULL DEFAULT 0 CHECK (low_stock_threshold >= 0),
    -- Sum of sellable available units over every node, kept in step with stock_levels so that
    -- the out-of-stock -> in-stock transition is seen exactly once under concurrency.
    available_total     integer     NOT NULL DEFAULT 0,
    created_at          timestamptz NOT NULL DEFAULT now(),
    updated_at          timestamptz NOT NULL DEFAULT now(),
    UNIQUE (merchant_id, sku),
    UNIQUE (merchant_id, id)
);
CREATE INDEX variants_product ON variants (product_id);

CREATE TABLE variant_barcodes (
    merchant_id uuid NOT NULL REFERENCES merchants (id),
    gtin        text NOT NULL,
    variant_id  uuid NOT NULL REFERENCES variants (id) ON DELETE CASCADE,
    PRIMARY KEY (merchant_id, gtin)
);
CREATE INDEX variant_barcodes_variant ON variant_barcodes (variant_id);

-- Merchant-defined substitutes, in the merchant's order of preference.
CREATE TABLE variant_alternatives (
    variant_id             uuid    NOT NULL REFERENCES variants (id) ON DELETE CASCADE,
    alternative_variant_id uuid    NOT NULL REFERENCES variants (id) ON DELETE CASCADE,
    rank                   integer NOT NULL,
    PRIMARY KEY (variant_id, alternative_variant_id),
    CHECK (variant_id <> alternative_variant_id)
);
