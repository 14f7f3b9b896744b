package io.stowage.picking.batching;

import java.util.concurrent.CompletableFuture;

/** A batching solve under way: its result and a way to stop it early with the best plan found so far. */
public final class BatchPlanningJob {

    private final CompletableFuture<BatchPlan> result;
    private final Runnable stopper;

    BatchPlanningJob(CompletableFuture<BatchPlan> result, Runnable stopper) {
        this.result = result;
        this.stopper = stopper;
    }

    /** Completes, off the caller's thread, with the routed plan or a {@link io.stowage.picking.PickingException}. */
    public CompletableFuture<BatchPlan> result() {
        return result;
    }

    /**
     * Ends the search now; {@link #result()} then completes with the best plan found so far. Blocks until
     * the solver has wound down, so event-loop callers hand it to a worker thread.
     */
    public void stopEarly() {
        stopper.run();
    }
}
