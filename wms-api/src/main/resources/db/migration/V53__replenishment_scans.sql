-- A replenishment is confirmed with the units actually moved, which may be fewer than the task asked
-- when the reserve location held less than the books said; the task added to bring the rest from
-- another reserve location names the task it stands in for.
ALTER TABLE replenishment_tasks ADD COLUMN moved_quantity integer CHECK (moved_quantity >= 0 AND moved_quantity <= quantity);
ALTER TABLE replenishment_tasks ADD COLUMN replaces_task_id uuid REFERENCES replenishment_tasks (id);
-- Tasks confirmed before always moved their whole quantity.
UPDATE replenishment_tasks SET moved_quantity = quantity WHERE status = 'done';
