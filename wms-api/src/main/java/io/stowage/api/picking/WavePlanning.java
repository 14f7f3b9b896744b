package io.stowage.api.picking;

import io.stowage.api.picking.PickSourcing.Pick;
import io.stowage.api.picking.WaveInputs.Inputs;
import io.stowage.api.picking.WaveInputs.OrderFacts;
import io.stowage.api.picking.WaveInputs.UnitSize;
import io.stowage.picking.batching.BatchPlan;
import io.stowage.picking.batching.BatchPlanner;
import io.stowage.picking.batching.BatchPlanningJob;
import io.stowage.picking.batching.CartCapacity;
import io.stowage.picking.batching.OrderToBatch;
import io.stowage.picking.batching.PickBatch;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Plans a wave in the background: reads its orders and the node's stock, decides the pick locations
 * ({@link PickSourcing}), batches and routes the orders with the optimizer's {@link BatchPlanner}
 * (OptaPlanner through a {@code SolverManager}, on its own threads), and writes batches and pick
 * tasks in route order. The floor plan is rebuilt for every plan from the node's locations, so a
 * changed floor needs no cache invalidation; building it is milliseconds next to a solve of
 * seconds.
 * <p>
 * Every plan carries the wave's {@code plan_version}; a result whose version was overtaken by a
 * replan, or whose wave is no longer planning, is dropped. A stop asked on any instance is seen
 * here through the wave's {@code stop_requested} flag, polled while the solve runs. While a plan
 * waits for or runs its solve, {@link PlanningHeartbeats} keeps the wave's heartbeat fresh, so that
 * another instance takes the wave over if this one dies.
 */
@Component
class WavePlanning {

    private static final Logger log = LoggerFactory.getLogger(WavePlanning.class);
    private static final Duration STOP_POLL = Duration.ofMillis(300);

    private final WaveInputs inputs;
    private final BatchPlanner planner;
    private final DatabaseClient db;
    private final TransactionalOperator tx;
    private final Map<UUID, BatchPlanningJob> running = new ConcurrentHashMap<>();
    /** The waves this instance plans, from start until the plan is written or has failed, with the version planned. */
    private final Map<UUID, Integer> plannedHere = new ConcurrentHashMap<>();

    WavePlanning(WaveInputs inputs, BatchPlanner planner, DatabaseClient db, TransactionalOperator tx) {
        this.inputs = inputs;
        this.planner = planner;
        this.db = db;
        this.tx = tx;
    }

    /** The wave's orders sourced, sized and ready for batching. */
    record Prepared(FloorPlan floor, Map<UUID, List<Pick>> picksByOrder, Map<UUID, String> skipped, List<OrderToBatch> orders,
                    Map<UUID, Integer> totesByOrder, CartCapacity capacity, Duration timeLimit, List<UUID> waveOrders) {
    }

    /** Starts planning this version of the wave and returns at once; the wave shows the result when it is written. */
    void start(UUID waveId, int version) {
        plannedHere.put(waveId, version);
        inputs.read(waveId)
                // Building the floor's distance matrix and sourcing are CPU work: never on the event loop.
                .publishOn(Schedulers.boundedElastic())
                .map(WavePlanning::prepare)
                .flatMap(prepared -> solve(waveId, prepared).flatMap(plan -> persist(waveId, version, prepared, plan).as(tx::transactional)))
                .onErrorResume(failure -> {
                    log.warn("Planning wave {} failed", waveId, failure);
                    return fail(waveId, version, failure.getMessage() == null ? failure.toString() : failure.getMessage());
                })
                .doFinally(signal -> plannedHere.remove(waveId, version))
                .subscribe();
    }

    /** The waves this instance is planning now. */
    Set<UUID> plannedHere() {
        return Set.copyOf(plannedHere.keySet());
    }

    /** Ends this instance's solve of the wave now, if it runs here; the best plan so far is written. */
    void stopLocally(UUID waveId) {
        BatchPlanningJob job = running.get(waveId);
        if (job != null) {
            stop(job);
        }
    }

    /** Stopping waits for the solver to wind down: never on the web server's or the database driver's threads. */
    private static void stop(BatchPlanningJob job) {
        Schedulers.boundedElastic().schedule(job::stopEarly);
    }

    static Prepared prepare(Inputs in) {
        WaveInputs.Settings settings = in.settings();
        FloorPlan floor = FloorPlan.of(in.locations())
                .orElseThrow(() -> new IllegalStateException("the node has no pick faces or reserve locations with an aisle"));
        PickSourcing.Result sourcing = PickSourcing.source(in.demands(), in.shelves(), in.faces(), settings.zoneCode());
        CartCapacity capacity = new CartCapacity(settings.cartTotes(), settings.cartTotes() * settings.toteVolumeCm3(), settings.maxWeightG());
        Map<UUID, String> skipped = new LinkedHashMap<>(sourcing.skipped());
        Map<UUID, List<Pick>> picksByOrder = new LinkedHashMap<>();
        Map<UUID, Integer> totesByOrder = new HashMap<>();
        List<OrderToBatch> orders = new ArrayList<>();
        for (Map.Entry<UUID, List<Pick>> order : sourcing.picksByOrder().entrySet()) {
            long volumeCm3 = 0;
            long weightG = 0;
            for (Pick pick : order.getValue()) {
                UnitSize size = in.sizes().get(pick.demand().variantId());
                volumeCm3 += pick.quantity() * size.volumeMm3() / 1000;
                weightG += pick.quantity() * size.weightG();
            }
            int totes = (int) Math.max(1, (volumeCm3 + settings.toteVolumeCm3() - 1) / settings.toteVolumeCm3());
            if (totes > capacity.totes() || weightG > capacity.weightGrams()) {
                skipped.put(order.getKey(), "needs " + totes + " totes and " + weightG + " g: more than one cart carries");
                continue;
            }
            OrderFacts facts = in.orders().get(order.getKey());
            orders.add(new OrderToBatch(order.getKey().toString(), order.getValue().stream().map(Pick::code).toList(), totes, volumeCm3,
                    weightG, facts.acceptedAt().toInstant(),
                    facts.promisedOn() == null ? null : facts.promisedOn().atStartOfDay(ZoneOffset.UTC).toInstant(),
                    "express".equals(facts.serviceLevel())));
            picksByOrder.put(order.getKey(), order.getValue());
            totesByOrder.put(order.getKey(), totes);
        }
        return new Prepared(floor, picksByOrder, skipped, orders, totesByOrder, capacity,
                Duration.ofSeconds(settings.timeLimitSeconds()), in.waveOrders());
    }

    private Mono<BatchPlan> solve(UUID waveId, Prepared prepared) {
        BatchPlanningJob job = planner.plan(prepared.floor().layout(), prepared.orders(), prepared.capacity(), prepared.timeLimit());
        running.put(waveId, job);
        Disposable stopWatch = Flux.interval(STOP_POLL)
                .concatMap(tick -> db.sql("SELECT stop_requested FROM waves WHERE id = :wave").bind("wave", waveId)
                        .map(row -> Boolean.TRUE.equals(row.get("stop_requested", Boolean.class))).one())
                .filter(Boolean::booleanValue)
                .take(1)
                .subscribe(requested -> stop(job), failure -> log.warn("Watching wave {} for a stop failed", waveId, failure));
        return Mono.fromFuture(job.result())
                .doFinally(signal -> {
                    stopWatch.dispose();
                    running.remove(waveId, job);
                });
    }

    private Mono<Void> persist(UUID waveId, int version, Prepared prepared, BatchPlan plan) {
        return db.sql("SELECT node_id, status, plan_version FROM waves WHERE id = :wave FOR UPDATE")
                .bind("wave", waveId)
                .map(row -> new Object[] {row.get("node_id", UUID.class), row.get("status", String.class), row.get("plan_version", Integer.class)})
                .one()
                .filter(row -> WaveStatus.PLANNING.db().equals(row[1]) && (int) row[2] == version)
                .flatMap(row -> Flux.fromIterable(plan.batches())
                        .concatMap(batch -> writeBatch(waveId, (UUID) row[0], batch, prepared))
                        .then(writeSkipped(waveId, prepared))
                        .then(db.sql("""
                                        UPDATE waves SET status = 'planned', method = :method, total_length_m = :length, planned_at = now(),
                                                         failure = NULL, stop_requested = false
                                        WHERE id = :wave
                                        """)
                                .bind("method", plan.method()).bind("length", plan.totalLengthMetres()).bind("wave", waveId).then()));
    }

    /** The batch's orders get consecutive totes; its tasks follow the route's stops, then tote and line. */
    private Mono<Void> writeBatch(UUID waveId, UUID nodeId, PickBatch batch, Prepared prepared) {
        Map<String, Integer> stopIndex = new HashMap<>();
        List<String> stops = batch.route().stops();
        for (int i = 0; i < stops.size(); i++) {
            stopIndex.putIfAbsent(stops.get(i), i);
        }
        record Placed(Pick pick, int tote) {
        }
        List<Placed> placed = new ArrayList<>();
        int nextTote = 1;
        for (String orderId : batch.orderIds()) {
            UUID id = UUID.fromString(orderId);
            for (Pick pick : prepared.picksByOrder().get(id)) {
                placed.add(new Placed(pick, nextTote));
            }
            nextTote += prepared.totesByOrder().get(id);
        }
        placed.sort(Comparator.<Placed>comparingInt(p -> stopIndex.get(p.pick().code()))
                .thenComparingInt(Placed::tote).thenComparingInt(p -> p.pick().demand().lineNo()));
        int totes = nextTote - 1;
        return db.sql("""
                        INSERT INTO wave_batches (wave_id, sequence, totes, route_length_m, route_method, status)
                        VALUES (:wave, :sequence, :totes, :length, :method, 'planned') RETURNING id
                        """)
                .bind("wave", waveId).bind("sequence", batch.sequence()).bind("totes", totes)
                .bind("length", batch.route().lengthMetres()).bind("method", batch.route().method())
                .map(row -> row.get("id", UUID.class)).one()
                .flatMap(batchId -> Flux.range(0, placed.size())
                        .concatMap(i -> {
                            Pick pick = placed.get(i).pick();
                            return db.sql("""
                                            INSERT INTO pick_tasks (wave_id, batch_id, sequence, node_id, merchant_id, order_id, line_no, variant_id,
                                                                    lot_key, location_id, quantity, tote, status)
                                            VALUES (:wave, :batch, :sequence, :node, :merchant, :order, :line, :variant, :lot, :location, :qty, :tote, 'open')
                                            """)
                                    .bind("wave", waveId).bind("batch", batchId).bind("sequence", i + 1).bind("node", nodeId)
                                    .bind("merchant", pick.demand().merchantId()).bind("order", pick.demand().orderId())
                                    .bind("line", pick.demand().lineNo()).bind("variant", pick.demand().variantId())
                                    .bind("lot", pick.demand().lotKey()).bind("location", pick.locationId())
                                    .bind("qty", pick.quantity()).bind("tote", placed.get(i).tote())
                                    .then();
                        })
                        .then());
    }

    /** Orders left out are let go, so that another wave may take them once they can be picked. */
    private Mono<Void> writeSkipped(UUID waveId, Prepared prepared) {
        Map<UUID, String> reasons = new LinkedHashMap<>(prepared.skipped());
        for (UUID order : prepared.waveOrders()) {
            if (!prepared.picksByOrder().containsKey(order)) {
                reasons.putIfAbsent(order, "no longer allocated, or nothing left to pick at this node");
            }
        }
        return Flux.fromIterable(reasons.entrySet())
                .concatMap(skip -> db.sql("UPDATE wave_orders SET open = false, skipped_reason = :reason WHERE wave_id = :wave AND order_id = :order")
                        .bind("reason", skip.getValue()).bind("wave", waveId).bind("order", skip.getKey()).then())
                .then();
    }

    private Mono<Void> fail(UUID waveId, int version, String reason) {
        return db.sql("""
                        UPDATE waves SET status = 'failed', failure = :failure, stop_requested = false
                        WHERE id = :wave AND plan_version = :version AND status = 'planning'
                        """)
                .bind("failure", reason).bind("wave", waveId).bind("version", version)
                .then()
                .onErrorResume(e -> {
                    log.warn("Could not record that wave {} failed to plan", waveId, e);
                    return Mono.empty();
                });
    }
}
