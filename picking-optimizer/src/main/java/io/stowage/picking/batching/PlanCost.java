package io.stowage.picking.batching;

import java.util.List;

/**
 * A routed plan's cost in the soft terms of {@link BatchingConstraints}: the batches' true route lengths
 * plus what older and express orders cost for waiting in later batches, so that plans are compared the
 * way the solver compares them, only with real routes instead of estimates.
 */
final class PlanCost {

    private PlanCost() {
    }

    /**
     * @param batchesInOrder the plan's batches, in the plan's order
     */
    static long millimetres(BatchPlan plan, List<List<BatchedOrder>> batchesInOrder) {
        long cost = 0;
        for (PickBatch batch : plan.batches()) {
            cost += Math.round(batch.route().lengthMetres() * 1000);
        }
        for (int sequence = 0; sequence < batchesInOrder.size(); sequence++) {
            for (BatchedOrder order : batchesInOrder.get(sequence)) {
                cost += order.waitingHours() * sequence * BatchingConstraints.MILLIMETRES_PER_HOUR_AND_BATCH;
                cost += order.express() ? sequence * BatchingConstraints.MILLIMETRES_PER_EXPRESS_BATCH : 0;
            }
        }
        return cost;
    }
}
