package io.stowage.api.dispatch;

import io.stowage.api.background.PollingLoop;
import io.stowage.api.background.PollingLoops;
import io.stowage.api.problem.ApiProblem;
import java.time.Duration;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * The repair of loads closed before shipped units left the books (V138): their cartons left, but
 * the units stayed on hand and reserved at the pack station and their order lines' allocations
 * open. V149 marks every load closed until then; each pass claims one marked load ({@code SKIP
 * LOCKED}, so instances share the work), has its cartons' units leave as the close does now
 * ({@link Manifests#unitsLeaveClosedLoad}: cartons whose shipment already has its ledger movement
 * are left alone, and the ledger's unique index would refuse a second one) and clears the mark, in
 * one transaction. A load whose units cannot leave (the pack station was counted since and holds
 * fewer, an allocation is gone) keeps its reason in {@code units_problem} and is not tried again:
 * it is the supervisor's to count and adjust.
 */
@Configuration
class ClosedLoadUnits {

    static final String ACTOR = "system:shipped-units-repair";
    private static final Logger LOG = LoggerFactory.getLogger(ClosedLoadUnits.class);

    private final DatabaseClient db;
    private final LoadQueries queries;
    private final Manifests manifests;
    private final TransactionalOperator tx;

    ClosedLoadUnits(DatabaseClient db, LoadQueries queries, Manifests manifests, TransactionalOperator tx) {
        this.db = db;
        this.queries = queries;
        this.manifests = manifests;
        this.tx = tx;
    }

    @Bean
    PollingLoop closedLoadUnitsLoop(PollingLoops loops, @Value("${stowage.dispatch.units-repair-enabled:true}") boolean enabled,
                                    @Value("${stowage.dispatch.units-repair-interval:PT30S}") Duration interval) {
        return loops.loop("units of loads closed before V138", enabled, interval, this::pass);
    }

    /** A load whose units could not leave, with the reason. */
    private static final class Unrepairable extends RuntimeException {

        final UUID loadId;

        Unrepairable(UUID loadId, Throwable cause) {
            super(cause.getMessage(), cause);
            this.loadId = loadId;
        }
    }

    /** Repairs one marked load (or records why it cannot be); answers 0 when none is left to claim. */
    Mono<Integer> pass() {
        return tx.transactional(db.sql("SELECT id FROM loads WHERE units_pending ORDER BY closed_at, id LIMIT 1 FOR UPDATE SKIP LOCKED")
                        .map(row -> row.get("id", UUID.class)).one()
                        .flatMap(loadId -> queries.header(loadId, null, null)
                                .flatMap(load -> manifests.unitsLeaveClosedLoad(load, ACTOR))
                                .onErrorMap(e -> e instanceof ApiProblem || e instanceof IllegalStateException, e -> new Unrepairable(loadId, e))
                                .flatMap(cartons -> db.sql("UPDATE loads SET units_pending = false WHERE id = :id").bind("id", loadId).then()
                                        .doOnSuccess(done -> {
                                            if (cartons > 0) {
                                                LOG.info("Load {}: the units of {} cartons shipped before V138 left the books", loadId, cartons);
                                            }
                                        }))
                                .thenReturn(1))
                        .defaultIfEmpty(0))
                .onErrorResume(Unrepairable.class, failed -> {
                    LOG.warn("Load {}: the units of its cartons cannot leave the books: {}", failed.loadId, failed.getMessage());
                    return tx.transactional(db.sql("UPDATE loads SET units_pending = false, units_problem = :problem WHERE id = :id AND units_pending")
                                    .bind("problem", failed.getMessage()).bind("id", failed.loadId).then())
                            .thenReturn(1);
                });
    }
}
