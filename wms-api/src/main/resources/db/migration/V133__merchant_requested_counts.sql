-- A cycle count the merchant asked for (issue 14: billed to it) is told apart from the 3PL's own
-- counts by the merchant that requested it; null for internal counts.
ALTER TABLE count_tasks ADD COLUMN requested_by_merchant_id uuid REFERENCES merchants (id);
CREATE INDEX count_tasks_requested_by ON count_tasks (requested_by_merchant_id, decided_at) WHERE requested_by_merchant_id IS NOT NULL;
