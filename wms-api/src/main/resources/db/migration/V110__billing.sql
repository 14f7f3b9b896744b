-- 3PL billing (issue 14): what each merchant pays for, how much, and the invoices that say so.
-- Money is integer minor units of the merchant's billing currency; rates per unit are minor units
-- too, quantities may be fractional (cubic metre days), and a line is rounded once (DECISIONS.md).

-- btree_gist lets one exclusion constraint hold "no two rate-card versions of a merchant overlap"
-- in the database itself (uuid equality plus date-range overlap). It is a trusted contrib extension.
CREATE EXTENSION IF NOT EXISTS btree_gist;

-- Who is billed and how: the currency every rate and invoice of the merchant is in, the VAT rate
-- shown on its invoices (basis points: 2100 = 21 %), the payment terms and the invoice address.
CREATE TABLE billing_accounts (
    merchant_id        uuid PRIMARY KEY REFERENCES merchants (id),
    currency           char(3)     NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
    vat_rate_bp        integer     NOT NULL CHECK (vat_rate_bp BETWEEN 0 AND 10000),
    payment_terms_days integer     NOT NULL CHECK (payment_terms_days BETWEEN 0 AND 365),
    legal_name         text        NOT NULL,
    address            text        NOT NULL,
    vat_number         text,
    created_at         timestamptz NOT NULL DEFAULT now(),
    updated_at         timestamptz NOT NULL DEFAULT now()
);

-- A version of a merchant's prices, in force from effective_from to effective_to (exclusive; null:
-- until further notice). Versions never change once written: a new price is a new version.
CREATE TABLE rate_cards (
    id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    merchant_id    uuid        NOT NULL REFERENCES merchants (id),
    currency       char(3)     NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
    effective_from date        NOT NULL,
    effective_to   date CHECK (effective_to > effective_from),
    rates          jsonb       NOT NULL,
    created_at     timestamptz NOT NULL DEFAULT now(),
    EXCLUDE USING gist (merchant_id WITH =, daterange(effective_from, effective_to, '[)') WITH &&)
);

-- Charges the 3PL admin adds by hand, with the note that explains them; billed once like any other cause.
CREATE TABLE manual_charges (
    id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    merchant_id  uuid        NOT NULL REFERENCES merchants (id),
    occurred_on  date        NOT NULL,
    note         text        NOT NULL,
    quantity     numeric(18, 6) NOT NULL CHECK (quantity > 0),
    rate_minor   bigint      NOT NULL CHECK (rate_minor >= 0),
    currency     char(3)     NOT NULL,
    created_by   text        NOT NULL,
    created_at   timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX manual_charges_merchant ON manual_charges (merchant_id, occurred_on);

-- Invoices and credit notes. A draft is recomputed at will; a finalised one never changes: its
-- number is taken from invoice_sequences in the finalising transaction, and a mistake is undone by
-- a credit note (kind credit_note, credit_of the invoice), which turns the invoice 'credited'.
CREATE TABLE invoices (
    id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    merchant_id    uuid        NOT NULL REFERENCES merchants (id),
    kind           text        NOT NULL CHECK (kind IN ('invoice', 'credit_note')),
    status         text        NOT NULL CHECK (status IN ('draft', 'finalised', 'credited')),
    period_start   date        NOT NULL,
    period_end     date        NOT NULL CHECK (period_end > period_start),
    issuer         text        NOT NULL,
    number         text,
    currency       char(3)     NOT NULL,
    net_minor      bigint      NOT NULL,
    vat_rate_bp    integer     NOT NULL,
    vat_minor      bigint      NOT NULL,
    total_minor    bigint      NOT NULL,
    credit_of      uuid REFERENCES invoices (id),
    note           text,
    computed_at    timestamptz NOT NULL,
    finalised_at   timestamptz,
    issued_on      date,
    due_on         date,
    created_at     timestamptz NOT NULL DEFAULT now(),
    CHECK ((status = 'draft') = (number IS NULL)),
    UNIQUE (issuer, number)
);
-- One draft or finalised invoice per merchant and period; credit notes stand beside them.
CREATE UNIQUE INDEX invoices_one_per_period ON invoices (merchant_id, period_start)
    WHERE kind = 'invoice' AND status IN ('draft', 'finalised');
CREATE UNIQUE INDEX invoices_one_credit_note ON invoices (credit_of) WHERE credit_of IS NOT NULL;
CREATE INDEX invoices_merchant ON invoices (merchant_id, period_start, id);

-- Gap-free numbers: one row per issuer, locked by the finalising transaction; a rolled-back
-- finalisation gives its number back with it.
CREATE TABLE invoice_sequences (
    issuer      text   PRIMARY KEY,
    last_number bigint NOT NULL DEFAULT 0
);

-- A line of an invoice: one cause (a shipment, a carton, a day of storage...), its own date, the
-- quantity, the rate in force and the amount, rounded once.
CREATE TABLE invoice_lines (
    invoice_id   uuid        NOT NULL REFERENCES invoices (id) ON DELETE CASCADE,
    line_no      integer     NOT NULL,
    kind         text        NOT NULL,
    cause_type   text        NOT NULL,
    cause_id     text        NOT NULL,
    occurred_on  date        NOT NULL,
    description  text        NOT NULL,
    quantity     numeric(18, 6) NOT NULL,
    unit         text        NOT NULL,
    rate_minor   numeric(18, 6) NOT NULL,
    amount_minor bigint      NOT NULL,
    rate_card_id uuid REFERENCES rate_cards (id),
    PRIMARY KEY (invoice_id, line_no)
);

-- Which finalised invoice billed a cause (kind and cause): a cause is billed once, so a late event
-- lands on the next invoice and a finalised period recomputes to its own lines.
CREATE TABLE billed_causes (
    merchant_id uuid NOT NULL REFERENCES merchants (id),
    kind        text NOT NULL,
    cause_type  text NOT NULL,
    cause_id    text NOT NULL,
    invoice_id  uuid NOT NULL REFERENCES invoices (id),
    PRIMARY KEY (merchant_id, kind, cause_type, cause_id)
);
CREATE INDEX billed_causes_invoice ON billed_causes (invoice_id);

-- The days whose stock was photographed; a pass claims a day (FOR UPDATE SKIP LOCKED) and marks it
-- taken in the same transaction as its snapshot rows, so a day is taken once over all instances.
CREATE TABLE storage_snapshot_days (
    day      date PRIMARY KEY,
    taken_at timestamptz,
    taken_by text
);

-- What each merchant kept where at the end of a day (UTC): units per location and variant, the
-- location's type and the units' volume from the variant's dimensions.
CREATE TABLE storage_snapshots (
    day           date    NOT NULL,
    merchant_id   uuid    NOT NULL REFERENCES merchants (id),
    location_id   uuid    NOT NULL,
    location_type text    NOT NULL,
    variant_id    uuid    NOT NULL,
    quantity      integer NOT NULL CHECK (quantity > 0),
    volume_mm3    bigint  NOT NULL CHECK (volume_mm3 >= 0),
    PRIMARY KEY (merchant_id, day, location_id, variant_id)
);
