-- The customer's language (a language tag such as lt or uk) for what the warehouse writes to them,
-- like the packing slip's thank-you note; null when the store did not say.
ALTER TABLE orders ADD COLUMN customer_language text;

-- A customer is known by e-mail within the merchant: "which of their orders is this" (a gift on the
-- third order, a sample in the first) counts their earlier orders through this index.
CREATE INDEX orders_merchant_customer_email ON orders (merchant_id, lower(customer_email), accepted_at, id)
    WHERE customer_email IS NOT NULL;
