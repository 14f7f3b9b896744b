package io.stowage.api.picking;

import java.time.Duration;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Waves survive the instance that plans them. Every instance renews the heartbeat of the waves it
 * plans a few times per lease; a wave still {@code planning} whose heartbeat is older than the lease
 * lost its instance (a restart or a crash mid-solve), and the first instance to see it claims it by
 * raising its plan version and plans it again. The raised version also drops the result of an
 * instance that was only paused, should it come back. Claims use {@code FOR UPDATE SKIP LOCKED}, so
 * two instances never take the same wave.
 */
@Component
class PlanningHeartbeats {

    private static final Logger log = LoggerFactory.getLogger(PlanningHeartbeats.class);
    /** Waves claimed per statement: instances beating at the same time share a burst of orphans. */
    private static final int TAKEOVERS_PER_BEAT = 5;

    private final DatabaseClient db;
    private final WavePlanning planning;
    private final Duration lease;

    PlanningHeartbeats(DatabaseClient db, WavePlanning planning, @Value("${stowage.picking.planning-lease:PT30S}") Duration lease) {
        this.db = db;
        this.planning = planning;
        this.lease = lease;
    }

    private record Claimed(UUID waveId, int version) {
    }

    /** Renews this instance's waves and takes over orphans; answers how many it took over. */
    Mono<Integer> beat() {
        UUID[] mine = planning.plannedHere().toArray(UUID[]::new);
        Mono<Void> renew = mine.length == 0 ? Mono.empty()
                : db.sql("UPDATE waves SET planning_heartbeat_at = clock_timestamp() WHERE id = ANY(:waves) AND status = 'planning'")
                        .bind("waves", mine).then();
        return renew.then(takeOverOrphans());
    }

    private Mono<Integer> takeOverOrphans() {
        return db.sql("""
                        UPDATE waves w SET plan_version = w.plan_version + 1, planning_heartbeat_at = clock_timestamp(), stop_requested = false
                        FROM (SELECT id FROM waves
                              WHERE status = 'planning' AND planning_heartbeat_at < clock_timestamp() - make_interval(secs => :lease)
                              ORDER BY planning_heartbeat_at
                              LIMIT :limit
                              FOR UPDATE SKIP LOCKED) orphan
                        WHERE w.id = orphan.id
                        RETURNING w.id, w.plan_version
                        """)
                .bind("lease", (double) lease.toMillis() / 1000).bind("limit", TAKEOVERS_PER_BEAT)
                .map(row -> new Claimed(row.get("id", UUID.class), row.get("plan_version", Integer.class)))
                .all()
                .doOnNext(claimed -> {
                    log.info("Wave {} lost the instance planning it; planning it again here (version {})", claimed.waveId(), claimed.version());
                    planning.start(claimed.waveId(), claimed.version());
                })
                .count()
                .map(Long::intValue);
    }
}
