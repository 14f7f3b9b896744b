-- Waves cut for one carrier's pickup take only orders whose shopper chose that carrier.
ALTER TABLE waves ADD COLUMN carrier_code text;

-- The instance planning a wave renews this while the wave waits for or runs its solve; a wave
-- left planning with a stale heartbeat lost its instance and is planned again by another.
ALTER TABLE waves ADD COLUMN planning_heartbeat_at timestamptz;
UPDATE waves SET planning_heartbeat_at = created_at WHERE status = 'planning';
CREATE INDEX waves_planning_heartbeat ON waves (planning_heartbeat_at) WHERE status = 'planning';
