-- A task whose order was cancelled after release is cancelled too, so its batch can finish.
ALTER TABLE pick_tasks DROP CONSTRAINT pick_tasks_status_check;
ALTER TABLE pick_tasks ADD CONSTRAINT pick_tasks_status_check CHECK (status IN ('open', 'picked', 'short', 'cancelled'));
