package io.stowage.picking.batching;

import java.util.List;

/**
 * Batches in the order to pick them.
 *
 * @param totalLengthMetres walking distance of all the batches' routes together
 * @param method            the batching method, e.g. {@code optaplanner}, {@code savings+ils}, {@code fcfs}
 */
public record BatchPlan(List<PickBatch> batches, double totalLengthMetres, String method) {

    public BatchPlan {
        batches = List.copyOf(batches);
    }
}
