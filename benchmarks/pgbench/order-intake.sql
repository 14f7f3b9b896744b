-- One order accepted in raw SQL: the reads, writes and row locks of POST /api/v1/orders, statement
-- for statement as the service issued them when this script was written (see docs/performance.md),
-- in one transaction. OrderThroughputBenchmark runs it on the database the service just used, so
-- the merchant, catalog and stock are the benchmark's own:
--
--   pgbench -n -M prepared -c 32 -j 2 -t 188 -f benchmarks/pgbench/order-intake.sql \
--       -D merchant=<merchant uuid> -D apikey=<merchant api key> -D skus=60 -h localhost -p <port> -U postgres postgres
--
-- Orders are like the benchmark's: 1 to 3 lines of distinct random SKUs (SKU-000 ...), 1 or 2 units
-- each, a customer near one of five Baltic cities. Allocation takes, per line, the nearest node that
-- holds the whole line, else the one that holds most: the same row locks and writes as the service's
-- routing policy, decided in SQL instead of Java (one small read per line the service does not make).

\set n random(1, 3)
\set s1 random(0, :skus - 1)
\set d2 random(1, :skus - 1)
\set d3 random(1, :skus - 2)
\set d3 CASE WHEN :d3 >= :d2 THEN :d3 + 1 ELSE :d3 END
\set s2 (:s1 + :d2) % :skus
\set s3 (:s1 + :d3) % :skus
\set q1 random(1, 2)
\set q2 CASE WHEN :n >= 2 THEN random(1, 2) ELSE 0 END
\set q3 CASE WHEN :n >= 3 THEN random(1, 2) ELSE 0 END
\set city random(0, 4)
\set lat CASE WHEN :city = 0 THEN 54.69 WHEN :city = 1 THEN 54.90 WHEN :city = 2 THEN 56.95 WHEN :city = 3 THEN 59.43 ELSE 57.54 END + random(-500, 500) / 10000.0
\set lon CASE WHEN :city = 0 THEN 25.28 WHEN :city = 1 THEN 23.90 WHEN :city = 2 THEN 24.10 WHEN :city = 3 THEN 24.75 ELSE 25.42 END + random(-500, 500) / 10000.0
\set express random(0, 9)

-- The bearer key, outside the transaction like the service's authentication.
SELECT id, merchant_id FROM api_keys WHERE secret_hash = sha256(convert_to(CAST(:apikey AS text), 'UTF8')) AND revoked_at IS NULL;

BEGIN;

-- Idempotency claim.
SELECT 'pgbench-' || gen_random_uuid() AS idem_key \gset
INSERT INTO idempotency_keys (scope, idempotency_key, request_hash)
VALUES ('merchant:' || CAST(:merchant AS text) || ':' || 'orders', CAST(:idem_key AS text), sha256(convert_to(CAST(:idem_key AS text), 'UTF8')))
ON CONFLICT DO NOTHING;

-- The lines' variants (empty strings for lines the order does not have).
SELECT coalesce(max(id::text) FILTER (WHERE sku = 'SKU-' || lpad(CAST(:s1 AS text), 3, '0')), '') AS v1,
       coalesce(max(id::text) FILTER (WHERE sku = 'SKU-' || lpad(CAST(:s2 AS text), 3, '0') AND :n >= 2), '') AS v2,
       coalesce(max(id::text) FILTER (WHERE sku = 'SKU-' || lpad(CAST(:s3 AS text), 3, '0') AND :n >= 3), '') AS v3
FROM variants
WHERE merchant_id = CAST(:merchant AS uuid)
  AND sku = ANY (ARRAY['SKU-' || lpad(CAST(:s1 AS text), 3, '0'), 'SKU-' || lpad(CAST(:s2 AS text), 3, '0'),
                       'SKU-' || lpad(CAST(:s3 AS text), 3, '0')]) \gset

-- The order, its lines, its first history entry and order.accepted.
INSERT INTO orders (merchant_id, status, service_level, channel, pickup_node_id, customer_name, customer_email,
    customer_phone, address_line, city, postal_code, country, latitude, longitude,
    route_latitude, route_longitude, route_basis, promised_on, gift_message, carrier_code, carrier_service_code)
VALUES (CAST(:merchant AS uuid), 'accepted', CASE WHEN :express = 0 THEN 'express' ELSE 'standard' END, 'web', NULL,
    'Customer ' || CAST(:client_id AS text), 'c' || CAST(:client_id AS text) || '@example.com', NULL, 'Street 1', 'City', '00000', 'LT',
    CAST(:lat AS double precision), CAST(:lon AS double precision), CAST(:lat AS double precision), CAST(:lon AS double precision),
    'address', NULL, NULL, NULL, NULL)
RETURNING id AS order_id \gset

INSERT INTO order_lines (order_id, line_no, merchant_id, variant_id, quantity, waiting)
SELECT CAST(:order_id AS uuid), l.line_no, CAST(:merchant AS uuid), l.variant_id, l.quantity, l.quantity
FROM (VALUES (1, nullif(:v1, '')::uuid, CAST(:q1 AS integer)),
             (2, nullif(:v2, '')::uuid, CAST(:q2 AS integer)),
             (3, nullif(:v3, '')::uuid, CAST(:q3 AS integer))) AS l(line_no, variant_id, quantity)
WHERE l.line_no <= :n;

INSERT INTO order_history (order_id, merchant_id, from_status, to_status, actor, note)
VALUES (CAST(:order_id AS uuid), CAST(:merchant AS uuid), NULL, 'accepted', 'api_key' || ':' || 'pgbench', NULL);

INSERT INTO outbox_events (merchant_id, type, subject, payload)
VALUES (CAST(:merchant AS uuid), 'order.accepted', CAST(:order_id AS text),
        jsonb_build_object('order_id', CAST(:order_id AS text), 'channel', 'web', 'service_level', 'standard',
                           'lines', (SELECT jsonb_agg(jsonb_build_object('sku', 'SKU-' || lpad(CAST(l.s AS text), 3, '0'), 'quantity', l.q))
                                     FROM (VALUES (1, CAST(:s1 AS integer), CAST(:q1 AS integer)), (2, CAST(:s2 AS integer), CAST(:q2 AS integer)),
                                                  (3, CAST(:s3 AS integer), CAST(:q3 AS integer))) AS l(line_no, s, q)
                                     WHERE l.line_no <= :n)));

-- Routing context: the merchant's settings and the network.
SELECT m.ship_from_store,
       coalesce((SELECT r.min_remaining_days FROM shelf_life_rules r WHERE r.merchant_id = m.id AND r.channel = 'web'), 0) AS min_days
FROM merchants m WHERE m.id = CAST(:merchant AS uuid);

SELECT n.id, n.code, n.kind, n.name, n.merchant_id, n.address_line, n.city, n.postal_code, n.country,
       n.latitude, n.longitude, n.time_zone, n.created_at
FROM nodes n;

-- The levels of the lines' variants at every candidate node, locked in variant then node order.
SELECT variant_id, node_id, on_hand, reserved FROM stock_levels
WHERE merchant_id = CAST(:merchant AS uuid)
  AND variant_id = ANY (ARRAY[nullif(:v1, '')::uuid, nullif(:v2, '')::uuid, nullif(:v3, '')::uuid])
  AND node_id IN (SELECT id FROM nodes WHERE kind = 'warehouse')
ORDER BY variant_id, node_id
FOR UPDATE;

-- Line 1: where it ships from, the allocation, the reservation, the variant's total and its event.
SELECT coalesce(c.node_id::text, '') AS node1, CASE WHEN c.node_id IS NULL THEN 0 ELSE least(CAST(:q1 AS integer), c.free) END AS take1
FROM (SELECT 1) AS one LEFT JOIN LATERAL (
    SELECT s.node_id, s.on_hand - s.reserved AS free FROM stock_levels s JOIN nodes n ON n.id = s.node_id
    WHERE s.variant_id = nullif(:v1, '')::uuid AND s.on_hand - s.reserved > 0
    ORDER BY s.on_hand - s.reserved >= CAST(:q1 AS integer) DESC,
             (n.latitude - CAST(:lat AS double precision)) ^ 2 + ((n.longitude - CAST(:lon AS double precision)) * 0.57) ^ 2
    LIMIT 1) AS c ON true \gset
\if :take1 > 0
INSERT INTO order_allocations (merchant_id, order_id, line_no, variant_id, node_id, lot_key, quantity)
VALUES (CAST(:merchant AS uuid), CAST(:order_id AS uuid), 1, CAST(:v1 AS uuid), CAST(:node1 AS uuid),
        '00000000-0000-0000-0000-000000000000', CAST(:take1 AS integer));
UPDATE stock_levels SET reserved = reserved + CAST(:take1 AS integer)
WHERE merchant_id = CAST(:merchant AS uuid) AND variant_id = CAST(:v1 AS uuid) AND node_id = CAST(:node1 AS uuid)
  AND on_hand - reserved >= CAST(:take1 AS integer);
UPDATE variant_totals SET available = available - CAST(:take1 AS integer) WHERE variant_id = CAST(:v1 AS uuid)
RETURNING available AS total1, sku AS sku1 \gset
INSERT INTO outbox_events (merchant_id, type, subject, payload)
VALUES (CAST(:merchant AS uuid), 'stock.level_changed', CAST(:sku1 AS text),
        jsonb_build_object('sku', CAST(:sku1 AS text), 'variant_id', CAST(:v1 AS text), 'available', CAST(:total1 AS integer),
                           'change', -CAST(:take1 AS integer), 'reason', 'reserved'));
\endif

\if :n >= 2
SELECT coalesce(c.node_id::text, '') AS node2, CASE WHEN c.node_id IS NULL THEN 0 ELSE least(CAST(:q2 AS integer), c.free) END AS take2
FROM (SELECT 1) AS one LEFT JOIN LATERAL (
    SELECT s.node_id, s.on_hand - s.reserved AS free FROM stock_levels s JOIN nodes n ON n.id = s.node_id
    WHERE s.variant_id = nullif(:v2, '')::uuid AND s.on_hand - s.reserved > 0
    ORDER BY s.on_hand - s.reserved >= CAST(:q2 AS integer) DESC,
             (n.latitude - CAST(:lat AS double precision)) ^ 2 + ((n.longitude - CAST(:lon AS double precision)) * 0.57) ^ 2
    LIMIT 1) AS c ON true \gset
\else
\set take2 0
\endif
\if :take2 > 0
INSERT INTO order_allocations (merchant_id, order_id, line_no, variant_id, node_id, lot_key, quantity)
VALUES (CAST(:merchant AS uuid), CAST(:order_id AS uuid), 2, CAST(:v2 AS uuid), CAST(:node2 AS uuid),
        '00000000-0000-0000-0000-000000000000', CAST(:take2 AS integer));
UPDATE stock_levels SET reserved = reserved + CAST(:take2 AS integer)
WHERE merchant_id = CAST(:merchant AS uuid) AND variant_id = CAST(:v2 AS uuid) AND node_id = CAST(:node2 AS uuid)
  AND on_hand - reserved >= CAST(:take2 AS integer);
UPDATE variant_totals SET available = available - CAST(:take2 AS integer) WHERE variant_id = CAST(:v2 AS uuid)
RETURNING available AS total2, sku AS sku2 \gset
INSERT INTO outbox_events (merchant_id, type, subject, payload)
VALUES (CAST(:merchant AS uuid), 'stock.level_changed', CAST(:sku2 AS text),
        jsonb_build_object('sku', CAST(:sku2 AS text), 'variant_id', CAST(:v2 AS text), 'available', CAST(:total2 AS integer),
                           'change', -CAST(:take2 AS integer), 'reason', 'reserved'));
\endif

\if :n >= 3
SELECT coalesce(c.node_id::text, '') AS node3, CASE WHEN c.node_id IS NULL THEN 0 ELSE least(CAST(:q3 AS integer), c.free) END AS take3
FROM (SELECT 1) AS one LEFT JOIN LATERAL (
    SELECT s.node_id, s.on_hand - s.reserved AS free FROM stock_levels s JOIN nodes n ON n.id = s.node_id
    WHERE s.variant_id = nullif(:v3, '')::uuid AND s.on_hand - s.reserved > 0
    ORDER BY s.on_hand - s.reserved >= CAST(:q3 AS integer) DESC,
             (n.latitude - CAST(:lat AS double precision)) ^ 2 + ((n.longitude - CAST(:lon AS double precision)) * 0.57) ^ 2
    LIMIT 1) AS c ON true \gset
\else
\set take3 0
\endif
\if :take3 > 0
INSERT INTO order_allocations (merchant_id, order_id, line_no, variant_id, node_id, lot_key, quantity)
VALUES (CAST(:merchant AS uuid), CAST(:order_id AS uuid), 3, CAST(:v3 AS uuid), CAST(:node3 AS uuid),
        '00000000-0000-0000-0000-000000000000', CAST(:take3 AS integer));
UPDATE stock_levels SET reserved = reserved + CAST(:take3 AS integer)
WHERE merchant_id = CAST(:merchant AS uuid) AND variant_id = CAST(:v3 AS uuid) AND node_id = CAST(:node3 AS uuid)
  AND on_hand - reserved >= CAST(:take3 AS integer);
UPDATE variant_totals SET available = available - CAST(:take3 AS integer) WHERE variant_id = CAST(:v3 AS uuid)
RETURNING available AS total3, sku AS sku3 \gset
INSERT INTO outbox_events (merchant_id, type, subject, payload)
VALUES (CAST(:merchant AS uuid), 'stock.level_changed', CAST(:sku3 AS text),
        jsonb_build_object('sku', CAST(:sku3 AS text), 'variant_id', CAST(:v3 AS text), 'available', CAST(:total3 AS integer),
                           'change', -CAST(:take3 AS integer), 'reason', 'reserved'));
\endif

-- What waits: the preorder reads when some units could not be placed, then each line's waiting units.
\set w1 :q1 - :take1
\set w2 :q2 - :take2
\set w3 :q3 - :take3
\set units :q1 + :q2 + :q3
\set waiting :w1 + :w2 + :w3
\if :waiting > 0
SELECT l.variant_id, a.expected_on, sum(l.expected_quantity - l.received_quantity) AS incoming
FROM asn_lines l JOIN asns a ON a.id = l.asn_id
WHERE a.merchant_id = CAST(:merchant AS uuid) AND a.status <> 'closed'
  AND l.variant_id = ANY (ARRAY[nullif(:v1, '')::uuid, nullif(:v2, '')::uuid, nullif(:v3, '')::uuid])
  AND l.received_quantity < l.expected_quantity
GROUP BY l.variant_id, a.expected_on
ORDER BY l.variant_id, a.expected_on;
SELECT l.variant_id, sum(l.waiting) AS waiting FROM order_lines l
WHERE l.merchant_id = CAST(:merchant AS uuid)
  AND l.variant_id = ANY (ARRAY[nullif(:v1, '')::uuid, nullif(:v2, '')::uuid, nullif(:v3, '')::uuid])
  AND l.waiting > 0 AND l.order_id <> CAST(:order_id AS uuid)
GROUP BY l.variant_id;
\endif
\if :w1 > 0
UPDATE order_lines SET waiting = CAST(:w1 AS integer), expected_on = NULL WHERE order_id = CAST(:order_id AS uuid) AND line_no = 1;
\endif
\if :w2 > 0
UPDATE order_lines SET waiting = CAST(:w2 AS integer), expected_on = NULL WHERE order_id = CAST(:order_id AS uuid) AND line_no = 2;
\endif
\if :w3 > 0
UPDATE order_lines SET waiting = CAST(:w3 AS integer), expected_on = NULL WHERE order_id = CAST(:order_id AS uuid) AND line_no = 3;
\endif
UPDATE order_lines SET waiting = 0
WHERE order_id = CAST(:order_id AS uuid)
  AND NOT (line_no = ANY (array_remove(ARRAY[CASE WHEN :w1 > 0 THEN 1 END, CASE WHEN :w2 > 0 THEN 2 END,
                                              CASE WHEN :w3 > 0 THEN 3 END], NULL)));

-- The status after allocation, its history entry and events.
UPDATE orders SET status = CASE WHEN :waiting = 0 THEN 'allocated' WHEN :waiting = :units THEN 'backordered' ELSE 'partially_allocated' END,
       updated_at = clock_timestamp(), status_before_hold = NULL
WHERE id = CAST(:order_id AS uuid) AND merchant_id = CAST(:merchant AS uuid) AND status = 'accepted';
INSERT INTO order_history (order_id, merchant_id, from_status, to_status, actor, note)
VALUES (CAST(:order_id AS uuid), CAST(:merchant AS uuid), 'accepted',
        CASE WHEN :waiting = 0 THEN 'allocated' WHEN :waiting = :units THEN 'backordered' ELSE 'partially_allocated' END,
        'system' || ':' || 'allocation', NULL);
INSERT INTO outbox_events (merchant_id, type, subject, payload)
VALUES (CAST(:merchant AS uuid), 'order.status_changed', CAST(:order_id AS text),
        jsonb_build_object('order_id', CAST(:order_id AS text), 'from', 'accepted',
                           'to', CASE WHEN :waiting = 0 THEN 'allocated' WHEN :waiting = :units THEN 'backordered' ELSE 'partially_allocated' END));
INSERT INTO outbox_events (merchant_id, type, subject, payload)
VALUES (CAST(:merchant AS uuid), CASE WHEN :waiting < :units THEN 'order.allocated' ELSE 'order.backordered' END, CAST(:order_id AS text),
        jsonb_build_object('order_id', CAST(:order_id AS text), 'complete', :waiting = 0 OR :waiting = :units));
\if :waiting > 0 AND :waiting < :units
INSERT INTO outbox_events (merchant_id, type, subject, payload)
VALUES (CAST(:merchant AS uuid), 'order.backordered', CAST(:order_id AS text), jsonb_build_object('order_id', CAST(:order_id AS text), 'complete', false));
\endif

-- The answer: the order read back, stored with the idempotency key.
SELECT o.*, n.code AS pickup_code FROM orders o LEFT JOIN nodes n ON n.id = o.pickup_node_id
WHERE o.id = CAST(:order_id AS uuid) AND o.merchant_id = CAST(:merchant AS uuid);
SELECT l.line_no, v.sku, l.quantity, l.waiting, l.expected_on,
       n.code AS node_code, n.kind AS node_kind, a.quantity AS allocated, lot.lot_number, lot.expires_on
FROM order_lines l
JOIN variants v ON v.id = l.variant_id
LEFT JOIN order_allocations a ON a.order_id = l.order_id AND a.line_no = l.line_no AND a.released_at IS NULL
LEFT JOIN nodes n ON n.id = a.node_id
LEFT JOIN lots lot ON lot.id = a.lot_key
WHERE l.order_id = CAST(:order_id AS uuid)
ORDER BY l.line_no, n.code, lot.expires_on, lot.lot_number;
UPDATE idempotency_keys SET response_status = 201,
       response_body = (SELECT row_to_json(o)::text FROM orders o WHERE o.id = CAST(:order_id AS uuid))
WHERE scope = 'merchant:' || CAST(:merchant AS text) || ':' || 'orders' AND idempotency_key = CAST(:idem_key AS text);

END;
