package io.stowage.picking.batching;

import io.stowage.picking.PickingException;
import io.stowage.picking.layout.WarehouseLayout;
import org.optaplanner.core.api.score.stream.ConstraintStreamImplType;
import org.optaplanner.core.api.solver.SolverManager;
import org.optaplanner.core.config.localsearch.LocalSearchPhaseConfig;
import org.optaplanner.core.config.localsearch.decider.acceptor.LocalSearchAcceptorConfig;
import org.optaplanner.core.config.localsearch.decider.forager.LocalSearchForagerConfig;
import org.optaplanner.core.config.solver.SolverConfig;
import org.optaplanner.core.config.solver.SolverManagerConfig;
import org.optaplanner.core.config.solver.termination.TerminationConfig;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * Groups open orders into picker batches with OptaPlanner, asynchronously through a {@link SolverManager}.
 *
 * <p>On the solver's own thread the orders get a savings start ({@link SavingsBatcher}), then OptaPlanner's
 * local search moves and swaps orders between carts under {@link BatchingConstraints} until the time
 * limit, or earlier once it has stopped improving, and finally every batch is routed with
 * {@link io.stowage.picking.routing.PickRouter}. Building the start and routing the final batches come on
 * top of the time limit (about a second for 1,000 orders). The caller's thread only submits, so a web
 * server's event loop is never blocked. Close the planner to stop its solver threads.
 */
public final class BatchPlanner implements AutoCloseable {

    public static final String METHOD = "optaplanner";

    private final int parallelSolves;
    private final Map<Duration, SolverManager<BatchingSolution, UUID>> managers = new ConcurrentHashMap<>();

    /** A planner that runs one solve at a time, the right size for a 2-core machine. */
    public BatchPlanner() {
        this(1);
    }

    /** A planner that runs up to {@code parallelSolves} solves at once; more wait their turn. */
    public BatchPlanner(int parallelSolves) {
        if (parallelSolves < 1) {
            throw new PickingException("at least one solve must be allowed to run");
        }
        this.parallelSolves = parallelSolves;
    }

    /**
     * Starts batching and returns at once.
     *
     * @param timeLimit bound on the search; it ends earlier when a fifth of the limit (at least two seconds)
     *                  passes without improvement
     * @throws PickingException at once for unknown locations, duplicate ids or an order too big for a cart
     */
    public BatchPlanningJob plan(WarehouseLayout layout, List<OrderToBatch> orders, CartCapacity capacity, Duration timeLimit) {
        List<BatchedOrder> prepared = BatchPlans.prepare(layout, orders, capacity);
        CompletableFuture<BatchPlan> result = new CompletableFuture<>();
        if (prepared.isEmpty()) {
            result.complete(new BatchPlan(List.of(), 0, METHOD));
            return new BatchPlanningJob(result, () -> { });
        }
        UUID id = UUID.randomUUID();
        AtomicBoolean started = new AtomicBoolean();
        SolverManager<BatchingSolution, UUID> manager = managerFor(timeLimit);
        manager.solve(id,
                problemId -> {
                    started.set(true);
                    return startingSolution(layout, prepared, capacity);
                },
                best -> complete(result, () -> toPlan(layout, best)),
                (problemId, failure) -> result.completeExceptionally(new PickingException("batching failed", failure)));
        return new BatchPlanningJob(result, () -> {
            manager.terminateEarly(id);
            if (!started.get() && !result.isDone()) {
                // stopped while still queued: the solver never ran, so the savings start is the best there is
                CompletableFuture.runAsync(() -> complete(result, () -> toPlan(layout, startingSolution(layout, prepared, capacity))));
            }
        });
    }

    static BatchingSolution startingSolution(WarehouseLayout layout, List<BatchedOrder> prepared, CartCapacity capacity) {
        BatchRouteEstimator estimator = new BatchRouteEstimator(layout);
        List<List<BatchedOrder>> start = BatchPlans.inPickingOrder(SavingsBatcher.batches(prepared, capacity, estimator));
        int slotCount = start.size() + Math.max(2, start.size() / 10);
        List<BatchSlot> slots = new ArrayList<>(slotCount);
        for (int sequence = 0; sequence < slotCount; sequence++) {
            slots.add(new BatchSlot(sequence, capacity));
        }
        List<BatchedOrder> orders = new ArrayList<>(prepared.size());
        for (int sequence = 0; sequence < start.size(); sequence++) {
            for (BatchedOrder order : start.get(sequence)) {
                orders.add(new BatchedOrder(order.order(), order.nodes(), order.waitingHours(), slots.get(sequence)));
            }
        }
        return new BatchingSolution(slots, orders, estimator);
    }

    static BatchPlan toPlan(WarehouseLayout layout, BatchingSolution solution) {
        List<List<BatchedOrder>> bySlot = new ArrayList<>();
        solution.getSlots().forEach(slot -> bySlot.add(new ArrayList<>()));
        for (BatchedOrder order : solution.getOrders()) {
            bySlot.get(order.sequence()).add(order);
        }
        bySlot.removeIf(List::isEmpty);
        return BatchPlans.routed(layout, bySlot, METHOD);
    }

    private static void complete(CompletableFuture<BatchPlan> result, Supplier<BatchPlan> plan) {
        try {
            result.complete(plan.get());
        } catch (RuntimeException failure) {
            result.completeExceptionally(failure instanceof PickingException ? failure : new PickingException("batching failed", failure));
        }
    }

    private SolverManager<BatchingSolution, UUID> managerFor(Duration timeLimit) {
        return managers.computeIfAbsent(timeLimit, limit -> SolverManager.create(solverConfig(limit),
                new SolverManagerConfig().withParallelSolverCount(Integer.toString(parallelSolves))));
    }

    static SolverConfig solverConfig(Duration timeLimit) {
        Duration unimproved = timeLimit.dividedBy(5).compareTo(Duration.ofSeconds(2)) > 0 ? timeLimit.dividedBy(5) : Duration.ofSeconds(2);
        return new SolverConfig()
                .withSolutionClass(BatchingSolution.class)
                .withEntityClasses(BatchedOrder.class)
                .withConstraintProviderClass(BatchingConstraints.class)
                .withConstraintStreamImplType(ConstraintStreamImplType.BAVET)
                .withTerminationConfig(new TerminationConfig()
                        .withSpentLimit(timeLimit)
                        .withUnimprovedSpentLimit(unimproved.compareTo(timeLimit) < 0 ? unimproved : timeLimit))
                .withPhases(new LocalSearchPhaseConfig()
                        .withAcceptorConfig(new LocalSearchAcceptorConfig().withLateAcceptanceSize(400))
                        .withForagerConfig(new LocalSearchForagerConfig().withAcceptedCountLimit(1)));
    }

    @Override
    public void close() {
        managers.values().forEach(SolverManager::close);
        managers.clear();
    }
}
