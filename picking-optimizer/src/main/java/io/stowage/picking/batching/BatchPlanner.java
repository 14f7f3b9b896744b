package io.stowage.picking.batching;

import io.stowage.picking.routing.RouteLengthEstimator;
import io.stowage.picking.PickingException;
import io.stowage.picking.layout.WarehouseLayout;
import org.optaplanner.core.api.score.stream.ConstraintStreamImplType;
import org.optaplanner.core.api.solver.SolverJob;
import org.optaplanner.core.api.solver.SolverManager;
import org.optaplanner.core.config.heuristic.selector.common.nearby.NearbySelectionConfig;
import org.optaplanner.core.config.heuristic.selector.entity.EntitySelectorConfig;
import org.optaplanner.core.config.heuristic.selector.move.composite.UnionMoveSelectorConfig;
import org.optaplanner.core.config.heuristic.selector.move.generic.ChangeMoveSelectorConfig;
import org.optaplanner.core.config.heuristic.selector.move.generic.SwapMoveSelectorConfig;
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
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Groups open orders into picker batches with OptaPlanner, asynchronously through a {@link SolverManager}.
 *
 * <p>Batches are judged by {@link RouteLengthEstimator#bestAvailable}: the optimal route length on a single
 * block, a tour on the true walking distances elsewhere. On the planner's own thread the orders get a start
 * from savings improved by iterated local search ({@link SavingsBatcher}) for 80 % of the time limit;
 * OptaPlanner's tabu search then moves orders between carts and swaps nearby orders under
 * {@link BatchingConstraints} for the rest of it, or stops earlier once it no longer improves. Finally the
 * search's result and its start are both routed with {@link io.stowage.picking.routing.PickRouter}, and the
 * one that costs less with real routes is the plan. Routing comes on top of the time limit (about a second
 * for 1,000 orders). The caller's thread only submits, so a web server's event loop is never blocked. Close
 * the planner to stop its solver threads.
 */
public final class BatchPlanner implements AutoCloseable {

    public static final String METHOD = "optaplanner";
    /**
     * Share of the time limit spent on the start: savings, then iterated local search. Measured on the
     * benchmark's instances (30, 60 and 80 %), the iterated local search gains more per second than the tabu
     * search, which mostly polishes its result and stops once that no longer pays, so the start gets most of it.
     */
    private static final int START_PERCENT = 80;
    /** Swap partners are drawn mostly from this many orders nearest in the aisles. */
    private static final int NEARBY_ORDERS = 60;

    private final int parallelSolves;
    private final Map<Duration, SolverManager<BatchingSolution, UUID>> managers = new ConcurrentHashMap<>();
    /** Builds starting solutions and routes plans stopped before solving, off the caller's thread. */
    private final ExecutorService starts;

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
        this.starts = Executors.newFixedThreadPool(parallelSolves, runnable -> {
            Thread thread = new Thread(runnable, "batch-planner-start");
            thread.setDaemon(true);
            return thread;
        });
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
            return new BatchPlanningJob(result, () -> { }, () -> BatchPlanningJob.Phase.DONE);
        }
        Duration startTime = timeLimit.multipliedBy(START_PERCENT).dividedBy(100);
        SolverManager<BatchingSolution, UUID> manager = managerFor(timeLimit.minus(startTime));
        Solve solve = new Solve(UUID.randomUUID(), manager, result);
        CompletableFuture.supplyAsync(() -> {
                    solve.starting();
                    return startingSolution(layout, prepared, capacity, startTime, solve::stopRequested);
                }, starts)
                .thenAccept(start -> {
                    // taken before solving, so that nothing the solver does to its problem can change it
                    List<List<BatchedOrder>> startBatches = batchesOf(start);
                    solve.submit(start, best -> complete(result, () -> shorterOf(layout, batchesOf(best), startBatches)),
                            () -> complete(result, () -> BatchPlans.routed(layout, startBatches, METHOD)));
                })
                .exceptionally(failure -> {
                    result.completeExceptionally(new PickingException("batching failed", failure));
                    return null;
                });
        return new BatchPlanningJob(result, solve::stop, solve::phase);
    }

    /**
     * @param startTime the start's share of the time limit; building the savings batches counts against it,
     *                  so that the search after it keeps its own share however many orders there are
     */
    static BatchingSolution startingSolution(WarehouseLayout layout, List<BatchedOrder> prepared, CartCapacity capacity,
                                             Duration startTime, BooleanSupplier stop) {
        long begun = System.nanoTime();
        RouteLengthEstimator estimator = RouteLengthEstimator.bestAvailable(layout);
        List<List<BatchedOrder>> savings = SavingsBatcher.batches(prepared, capacity, estimator);
        Duration improvementTime = startTime.minusNanos(System.nanoTime() - begun);
        List<List<BatchedOrder>> start = BatchPlans.inPickingOrder(new BatchLocalSearch(estimator, capacity, 7L)
                .improve(savings, improvementTime.isNegative() ? Duration.ZERO : improvementTime, stop));
        int slotCount = start.size() + Math.max(2, start.size() / 10);
        List<BatchSlot> slots = new ArrayList<>(slotCount);
        for (int sequence = 0; sequence < slotCount; sequence++) {
            slots.add(new BatchSlot(sequence, capacity));
        }
        List<BatchedOrder> orders = new ArrayList<>(prepared.size());
        for (int sequence = 0; sequence < start.size(); sequence++) {
            for (BatchedOrder order : start.get(sequence)) {
                orders.add(order.in(slots.get(sequence)));
            }
        }
        return new BatchingSolution(slots, orders, estimator);
    }

    /** The solution's non-empty batches in slot order. */
    static List<List<BatchedOrder>> batchesOf(BatchingSolution solution) {
        List<List<BatchedOrder>> bySlot = new ArrayList<>();
        solution.getSlots().forEach(slot -> bySlot.add(new ArrayList<>()));
        for (BatchedOrder order : solution.getOrders()) {
            bySlot.get(order.sequence()).add(order);
        }
        bySlot.removeIf(List::isEmpty);
        return bySlot;
    }

    /**
     * The search's result or its start, whichever costs less once routed properly. The search judges
     * batches by an estimate, so a plan it prefers can route a little longer than its start; both are plans
     * of this method, and the caller should get the better one. Ties go to the search's result.
     */
    static BatchPlan shorterOf(WarehouseLayout layout, List<List<BatchedOrder>> searched, List<List<BatchedOrder>> start) {
        BatchRouter router = new BatchRouter(layout);
        BatchPlan searchedPlan = BatchPlans.routed(router, searched, METHOD);
        BatchPlan startPlan = BatchPlans.routed(router, start, METHOD);
        return PlanCost.millimetres(startPlan, start) < PlanCost.millimetres(searchedPlan, searched) ? startPlan : searchedPlan;
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
                        .withMoveSelectorConfig(new UnionMoveSelectorConfig().withMoveSelectors(
                                new ChangeMoveSelectorConfig(),
                                new SwapMoveSelectorConfig()
                                        .withEntitySelectorConfig(new EntitySelectorConfig().withId("swapped"))
                                        .withSecondaryEntitySelectorConfig(new EntitySelectorConfig()
                                                .withNearbySelectionConfig(new NearbySelectionConfig()
                                                        .withOriginEntitySelectorConfig(EntitySelectorConfig.newMimicSelectorConfig("swapped"))
                                                        .withNearbyDistanceMeterClass(OrderNearbyDistanceMeter.class)
                                                        .withParabolicDistributionSizeMaximum(NEARBY_ORDERS)))))
                        .withAcceptorConfig(new LocalSearchAcceptorConfig().withEntityTabuSize(9))
                        .withForagerConfig(new LocalSearchForagerConfig().withAcceptedCountLimit(400)));
    }

    @Override
    public void close() {
        managers.values().forEach(SolverManager::close);
        managers.clear();
        starts.shutdownNow();
    }

    /**
     * One plan's way through the solver, so that a stop is never lost: before submission it skips the solver,
     * while queued (which OptaPlanner answers by cancelling) it falls back to the start, while solving it ends
     * the search, which then hands over its best solution.
     */
    private final class Solve {
        private final UUID id;
        private final SolverManager<BatchingSolution, UUID> manager;
        private final CompletableFuture<BatchPlan> result;
        private boolean stopped;
        private boolean started;
        private boolean startBuilt;
        private SolverJob<BatchingSolution, UUID> job;
        private Runnable fallback;

        Solve(UUID id, SolverManager<BatchingSolution, UUID> manager, CompletableFuture<BatchPlan> result) {
            this.id = id;
            this.manager = manager;
            this.result = result;
        }

        synchronized boolean stopRequested() {
            return stopped;
        }

        synchronized void starting() {
            started = true;
        }

        synchronized BatchPlanningJob.Phase phase() {
            if (!started) {
                return BatchPlanningJob.Phase.WAITING;
            }
            if (!startBuilt) {
                return BatchPlanningJob.Phase.STARTING;
            }
            if (job == null) {
                return BatchPlanningJob.Phase.ROUTING;
            }
            return switch (job.getSolverStatus()) {
                case SOLVING_SCHEDULED -> BatchPlanningJob.Phase.WAITING;
                case SOLVING_ACTIVE -> BatchPlanningJob.Phase.SEARCHING;
                case NOT_SOLVING -> BatchPlanningJob.Phase.ROUTING;
            };
        }

        synchronized void submit(BatchingSolution start, Consumer<BatchingSolution> onBest, Runnable startOnly) {
            startBuilt = true;
            fallback = startOnly;
            if (stopped) {
                startOnly.run();
                return;
            }
            job = manager.solve(id, start, onBest,
                    (problemId, failure) -> result.completeExceptionally(new PickingException("batching failed", failure)));
        }

        synchronized void stop() {
            stopped = true;
            if (job == null) {
                return;
            }
            manager.terminateEarly(id);
            SolverJob<BatchingSolution, UUID> stoppedJob = job;
            Runnable startOnly = fallback;
            CompletableFuture.runAsync(() -> {
                try {
                    stoppedJob.getFinalBestSolution();
                } catch (CancellationException cancelledWhileQueued) {
                    startOnly.run();
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                } catch (ExecutionException failed) {
                    result.completeExceptionally(new PickingException("batching failed", failed.getCause()));
                }
            }, starts);
        }
    }
}
