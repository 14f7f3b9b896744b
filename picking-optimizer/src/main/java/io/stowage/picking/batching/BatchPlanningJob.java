package io.stowage.picking.batching;

import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/** A batching solve under way: its result and a way to stop it early with the best plan found so far. */
public final class BatchPlanningJob {

    /** Where a solve is, for callers that watch it (a status page, a test that stops it at a given point). */
    public enum Phase {
        /** Waiting for a planner thread: to build the start, or for the solver behind other solves. */
        WAITING,
        /** Savings, then iterated local search, build the start (80 % of the time limit). */
        STARTING,
        /** OptaPlanner's tabu search improves the start. */
        SEARCHING,
        /** The search has ended or was skipped; the plan is being routed. */
        ROUTING,
        /** {@link #result()} is complete. */
        DONE
    }

    private final CompletableFuture<BatchPlan> result;
    private final Runnable stopper;
    private final Supplier<Phase> phase;

    BatchPlanningJob(CompletableFuture<BatchPlan> result, Runnable stopper, Supplier<Phase> phase) {
        this.result = result;
        this.stopper = stopper;
        this.phase = phase;
    }

    /** Completes, off the caller's thread, with the routed plan or a {@link io.stowage.picking.PickingException}. */
    public CompletableFuture<BatchPlan> result() {
        return result;
    }

    /** The phase the solve is in now. */
    public Phase phase() {
        return result.isDone() ? Phase.DONE : phase.get();
    }

    /**
     * Ends the search now; {@link #result()} then completes with the best plan found so far. Blocks until
     * the solver has wound down, so event-loop callers hand it to a worker thread.
     */
    public void stopEarly() {
        stopper.run();
    }
}
