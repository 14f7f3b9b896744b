package io.stowage.api.picking;

import io.stowage.api.access.Caller;
import io.stowage.api.carriers.CarrierDirectory;
import io.stowage.api.commands.Commands;
import io.stowage.api.database.Params;
import io.stowage.api.dayplan.CarrierPlans;
import io.stowage.api.dayplan.DayPlanRequests;
import io.stowage.api.orders.OrderFulfilment;
import io.stowage.api.orders.WaveOrders;
import io.stowage.api.paging.Page;
import io.stowage.api.problem.ApiProblem;
import io.stowage.api.problem.ProblemType;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A supervisor's waves: choose allocated orders of the node (every merchant's: a 3PL wave), plan
 * them in the background, stop or replan while not released, release them to the pickers.
 */
@Service
class Waves {

    /** What a supervisor asks for. */
    record NewWave(LocalDate cutOffBefore, String serviceLevel, String zoneCode, String carrierCode, int cartTotes, long toteVolumeCm3, long maxWeightG,
                   int timeLimitSeconds) {
    }

    private final DatabaseClient db;
    private final TransactionalOperator tx;
    private final WavePlanning planning;
    private final WaveQueries queries;
    private final OrderFulfilment orders;
    private final Replenishments replenishments;
    private final CarrierDirectory carriers;
    private final CarrierPlans carrierPlans;
    private final DayPlanRequests dayPlans;
    private final WaveOrders waveOrders;

    Waves(DatabaseClient db, TransactionalOperator tx, WavePlanning planning, WaveQueries queries, OrderFulfilment orders,
          Replenishments replenishments, CarrierDirectory carriers, CarrierPlans carrierPlans, DayPlanRequests dayPlans,
          WaveOrders waveOrders) {
        this.db = db;
        this.waveOrders = waveOrders;
        this.tx = tx;
        this.planning = planning;
        this.queries = queries;
        this.orders = orders;
        this.replenishments = replenishments;
        this.carriers = carriers;
        this.carrierPlans = carrierPlans;
        this.dayPlans = dayPlans;
    }

    /**
     * Creates the wave with the allocated orders that match the filter and no other unreleased wave
     * holds, and starts planning it. An order's cut-off is its promised date: {@code cut_off_before}
     * takes orders promised on or before that day; {@code carrier} takes the orders the day plan put
     * on that carrier, and those it has not planned whose shopper chose that carrier's services, so
     * a wave can be cut for the carrier's pickup.
     */
    Mono<WaveView> create(Caller.Worker supervisor, NewWave wave) {
        UUID nodeId = supervisor.nodeId();
        if (wave.carrierCode() != null && !carriers.knowsCarrier(wave.carrierCode())) {
            return Mono.error(ApiProblem.invalid("filter.carrier",
                    "no carrier has the code " + wave.carrierCode() + "; GET /api/v1/carrier-services lists them"));
        }
        Mono<Map<UUID, String>> planned = wave.carrierCode() == null ? Mono.just(Map.of()) : carrierPlans.carriersAt(nodeId);
        Mono<UUID> created = planned.flatMap(plannedCarriers -> db.sql("""
                        INSERT INTO waves (node_id, status, cut_off_before, service_level, zone_code, carrier_code, cart_totes, tote_volume_cm3,
                                           max_weight_g, time_limit_seconds, created_by, planning_heartbeat_at)
                        VALUES (:node, 'planning', :cutOff, :serviceLevel, :zone, :carrier, :totes, :toteVolume, :maxWeight, :timeLimit, :actor,
                                clock_timestamp())
                        RETURNING id
                        """)
                .bind("node", nodeId).bind("cutOff", Params.nullable(wave.cutOffBefore(), LocalDate.class))
                .bind("serviceLevel", Params.nullable(wave.serviceLevel(), String.class))
                .bind("zone", Params.nullable(wave.zoneCode(), String.class))
                .bind("carrier", Params.nullable(wave.carrierCode(), String.class))
                .bind("totes", wave.cartTotes()).bind("toteVolume", wave.toteVolumeCm3()).bind("maxWeight", wave.maxWeightG())
                .bind("timeLimit", wave.timeLimitSeconds()).bind("actor", supervisor.actor())
                .map(row -> row.get("id", UUID.class)).one()
                // The orders are locked (by id, the order every multi-order lock takes) so that an order whose
                // allocation changes at this moment (a cancel, a hold, a lot found short) is either seen
                // changed and left out, or taken and then seen in this wave by the change.
                .flatMap(waveId -> waveOrders.lockAllocated(nodeId, new WaveOrders.Filter(wave.cutOffBefore(), wave.serviceLevel(),
                                wave.carrierCode(), ordersPlanned(plannedCarriers, carrier -> carrier.equals(wave.carrierCode())),
                                ordersPlanned(plannedCarriers, carrier -> !carrier.equals(wave.carrierCode()))))
                        .collectList()
                        .flatMap(chosen -> chosen.isEmpty() ? Mono.just(0L) : take(waveId, chosen))
                        .flatMap(taken -> taken > 0 ? Mono.just(waveId) : Mono.error(ApiProblem.of(ProblemType.NO_ORDERS_FOR_WAVE, "No allocated order of this node matches the filter outside another wave")))));
        // The solve reads the wave on its own connection: it starts once the wave is committed.
        return created.flatMap(waveId -> Commands.afterCommit(() -> planning.start(waveId, 1)).thenReturn(waveId))
                .as(tx::transactional)
                .flatMap(waveId -> queries.wave(nodeId, waveId));
    }

    Mono<Page<WaveQueries.WaveSummary>> list(Caller.Worker worker, String status, String after, int limit) {
        return queries.list(worker.nodeId(), status, after, limit);
    }

    Mono<WaveView> get(Caller.Worker worker, UUID waveId) {
        return queries.wave(worker.nodeId(), waveId);
    }

    /** Asks the solve to end with the best plan so far, on whichever instance runs it. */
    Mono<WaveView> stopPlanning(Caller.Worker supervisor, UUID waveId) {
        return lock(supervisor.nodeId(), waveId)
                .flatMap(wave -> wave.status() != WaveStatus.PLANNING
                        ? Mono.error(ApiProblem.of(ProblemType.WAVE_NOT_PLANNING, "Wave " + waveId + " is " + wave.status().db()))
                        : db.sql("UPDATE waves SET stop_requested = true WHERE id = :wave").bind("wave", waveId).then()
                                .then(Commands.afterCommit(() -> planning.stopLocally(waveId))))
                .as(tx::transactional)
                .then(Mono.defer(() -> queries.wave(supervisor.nodeId(), waveId)));
    }

    /** Plans the wave's orders again from the stock as it stands; refused once the wave is released. */
    Mono<WaveView> replan(Caller.Worker supervisor, UUID waveId) {
        return lock(supervisor.nodeId(), waveId)
                .flatMap(wave -> {
                    if (!wave.status().replannable()) {
                        return Mono.error(ApiProblem.of(ProblemType.WAVE_RELEASED, "Wave " + waveId + " is " + wave.status().db() + "; only waves not yet released can be planned again"));
                    }
                    int version = wave.planVersion() + 1;
                    return db.sql("DELETE FROM pick_tasks WHERE wave_id = :wave").bind("wave", waveId).then()
                            .then(db.sql("DELETE FROM wave_batches WHERE wave_id = :wave").bind("wave", waveId).then())
                            .then(db.sql("""
                                            UPDATE waves SET status = 'planning', plan_version = :version, stop_requested = false, method = NULL,
                                                             total_length_m = NULL, failure = NULL, planned_at = NULL,
                                                             planning_heartbeat_at = clock_timestamp()
                                            WHERE id = :wave
                                            """)
                                    .bind("version", version).bind("wave", waveId).then())
                            .then(Commands.afterCommit(() -> {
                                planning.stopLocally(waveId);
                                planning.start(waveId, version);
                            }));
                })
                .as(tx::transactional)
                .then(Mono.defer(() -> queries.wave(supervisor.nodeId(), waveId)));
    }

    /**
     * Sends the planned wave to the floor in one transaction: its orders become released, its
     * batches ready for pickers, and pick faces that hold less than the wave takes from them (or
     * would fall below their minimum) get replenishment tasks, done before those picks are offered.
     */
    Mono<WaveView> release(Caller.Worker supervisor, UUID waveId) {
        String note = "released in wave " + waveId;
        return lock(supervisor.nodeId(), waveId)
                .flatMap(wave -> wave.status() != WaveStatus.PLANNED
                        ? Mono.error(wave.status() == WaveStatus.RELEASED || wave.status() == WaveStatus.COMPLETED
                                ? ApiProblem.of(ProblemType.WAVE_RELEASED, "Wave " + waveId + " is " + wave.status().db())
                                : ApiProblem.of(ProblemType.WAVE_NOT_PLANNED, "Wave " + waveId + " is " + wave.status().db()))
                        : plannedOrders(waveId)
                                .concatMap(order -> orders.release(order.merchantId(), order.orderId(), supervisor.actor(), note))
                                .then(db.sql("UPDATE wave_orders SET open = false WHERE wave_id = :wave").bind("wave", waveId).then())
                                .then(db.sql("UPDATE wave_batches SET status = 'ready' WHERE wave_id = :wave").bind("wave", waveId).then())
                                .then(db.sql("""
                                                UPDATE waves SET status = CASE WHEN EXISTS (SELECT 1 FROM wave_batches WHERE wave_id = :wave)
                                                                          THEN 'released' ELSE 'completed' END,
                                                                 released_by = :actor, released_at = now(),
                                                                 completed_at = CASE WHEN EXISTS (SELECT 1 FROM wave_batches WHERE wave_id = :wave)
                                                                                THEN NULL ELSE now() END
                                                WHERE id = :wave
                                                """)
                                        .bind("actor", supervisor.actor()).bind("wave", waveId).then())
                                .then(replenishments.forWave(waveId, supervisor.actor()))
                                // The node's day is planned again with the released orders, once this commits.
                                .then(dayPlans.waveReleased(supervisor.nodeId())))
                .as(tx::transactional)
                .then(Mono.defer(() -> queries.wave(supervisor.nodeId(), waveId)));
    }

    private static List<UUID> ordersPlanned(Map<UUID, String> plannedCarriers, java.util.function.Predicate<String> carrier) {
        return plannedCarriers.entrySet().stream().filter(entry -> carrier.test(entry.getValue())).map(Map.Entry::getKey).toList();
    }

    /**
     * Puts the chosen orders in the wave, oldest first (ids in PostgreSQL's order break ties); an order
     * another open wave holds stays there. Answers how many the wave took.
     */
    private Mono<Long> take(UUID waveId, List<WaveOrders.Candidate> chosen) {
        List<WaveOrders.Candidate> oldestFirst = chosen.stream()
                .sorted(Comparator.comparing(WaveOrders.Candidate::acceptedAt).thenComparing(order -> order.orderId().toString()))
                .toList();
        return db.sql("""
                        INSERT INTO wave_orders (wave_id, order_id, merchant_id)
                        SELECT :wave, c.order_id, c.merchant_id
                        FROM unnest(CAST(:orders AS uuid[]), CAST(:merchants AS uuid[])) WITH ORDINALITY AS c(order_id, merchant_id, position)
                        ORDER BY c.position
                        ON CONFLICT (order_id) WHERE open DO NOTHING
                        """)
                .bind("wave", waveId)
                .bind("orders", oldestFirst.stream().map(WaveOrders.Candidate::orderId).toArray(UUID[]::new))
                .bind("merchants", oldestFirst.stream().map(WaveOrders.Candidate::merchantId).toArray(UUID[]::new))
                .fetch().rowsUpdated();
    }

    private record LockedWave(WaveStatus status, int planVersion) {
    }

    private record WaveOrder(UUID merchantId, UUID orderId) {
    }

    private Mono<LockedWave> lock(UUID nodeId, UUID waveId) {
        return db.sql("SELECT status, plan_version FROM waves WHERE id = :wave AND node_id = :node FOR UPDATE")
                .bind("wave", waveId).bind("node", nodeId)
                .map(row -> new LockedWave(WaveStatus.fromDb(row.get("status", String.class)), row.get("plan_version", Integer.class)))
                .one()
                .switchIfEmpty(Mono.error(() -> ApiProblem.notFound("Wave", waveId)));
    }

    /** The orders the plan picks, in a fixed order so that two releases never lock orders in a circle. */
    private Flux<WaveOrder> plannedOrders(UUID waveId) {
        return db.sql("""
                        SELECT DISTINCT merchant_id, order_id FROM pick_tasks WHERE wave_id = :wave ORDER BY order_id
                        """)
                .bind("wave", waveId)
                .map(row -> new WaveOrder(row.get("merchant_id", UUID.class), row.get("order_id", UUID.class)))
                .all();
    }
}
