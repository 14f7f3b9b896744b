package io.stowage.picking.batching;

import io.stowage.picking.routing.RouteLengthEstimator;
import io.stowage.picking.layout.WarehouseLayout;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Clarke and Wright's savings applied to order batching (de Koster, van der Poort and Wolters 1999, method
 * C&amp;W(i)): every pair of orders due the same day is scored by the walking it saves when picked together
 * rather than apart, and batches are merged pair by pair, largest saving first, while the merged cart still
 * fits. {@link #plan} then improves the batches by iterated local search ({@link BatchLocalSearch}), the
 * literature's usual strong method. As in that literature, batches are judged while batching by their
 * largest-gap route length ({@link RouteLengthEstimator#largestGap}); the final batches are routed properly.
 */
public final class SavingsBatcher {

    public static final String METHOD = "savings+ils";

    private SavingsBatcher() {
    }

    /** Savings batches improved by iterated local search for {@code improvementTime}, then routed. */
    public static BatchPlan plan(WarehouseLayout layout, List<OrderToBatch> orders, CartCapacity capacity, Duration improvementTime) {
        RouteLengthEstimator estimator = RouteLengthEstimator.largestGap(layout);
        List<BatchedOrder> prepared = BatchPlans.prepare(layout, orders, capacity);
        List<List<BatchedOrder>> batches = new BatchLocalSearch(estimator, capacity, 7L)
                .improve(batches(prepared, capacity, estimator), improvementTime);
        return BatchPlans.routed(layout, BatchPlans.inPickingOrder(batches), METHOD);
    }

    /** The savings batches alone. */
    static List<List<BatchedOrder>> batches(List<BatchedOrder> orders, CartCapacity capacity, RouteLengthEstimator estimator) {
        int n = orders.size();
        double[] alone = new double[n];
        for (int i = 0; i < n; i++) {
            alone[i] = estimator.metres(List.of(orders.get(i).nodes()));
        }
        long[] pairs = new long[Math.max(16, n * 8)];
        float[] savings = new float[pairs.length];
        int count = 0;
        for (int i = 0; i < n; i++) {
            BatchedOrder a = orders.get(i);
            for (int j = i + 1; j < n; j++) {
                BatchedOrder b = orders.get(j);
                if (a.cutoffDay() != b.cutoffDay()
                        || !capacity.fits(a.totes() + b.totes(), a.volumeCm3() + b.volumeCm3(), a.weightGrams() + b.weightGrams())) {
                    continue;
                }
                double saving = alone[i] + alone[j] - estimator.metres(List.of(a.nodes(), b.nodes()));
                if (saving > 1e-9) {
                    if (count == pairs.length) {
                        pairs = Arrays.copyOf(pairs, count * 2);
                        savings = Arrays.copyOf(savings, count * 2);
                    }
                    pairs[count] = (long) i << 32 | j;
                    savings[count++] = (float) saving;
                }
            }
        }
        long[] bySaving = new long[count];
        for (int p = 0; p < count; p++) {
            // positive floats order like their bit patterns, so one primitive sort ranks the pairs
            bySaving[p] = (long) Float.floatToIntBits(savings[p]) << 32 | p;
        }
        Arrays.sort(bySaving);
        int[] batchOf = new int[n];
        List<List<BatchedOrder>> members = new ArrayList<>(n);
        int[] totes = new int[n];
        long[] volume = new long[n];
        long[] weight = new long[n];
        for (int i = 0; i < n; i++) {
            batchOf[i] = i;
            members.add(new ArrayList<>(List.of(orders.get(i))));
            totes[i] = orders.get(i).totes();
            volume[i] = orders.get(i).volumeCm3();
            weight[i] = orders.get(i).weightGrams();
        }
        List<List<Integer>> indices = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            indices.add(new ArrayList<>(List.of(i)));
        }
        for (int k = count - 1; k >= 0; k--) {
            long pair = pairs[(int) bySaving[k]];
            int keep = batchOf[(int) (pair >>> 32)];
            int gone = batchOf[(int) pair];
            if (keep == gone || !capacity.fits(totes[keep] + totes[gone], volume[keep] + volume[gone], weight[keep] + weight[gone])) {
                continue;
            }
            if (indices.get(keep).size() < indices.get(gone).size()) {
                int swap = keep;
                keep = gone;
                gone = swap;
            }
            for (int i : indices.get(gone)) {
                batchOf[i] = keep;
            }
            indices.get(keep).addAll(indices.get(gone));
            indices.get(gone).clear();
            members.get(keep).addAll(members.get(gone));
            members.get(gone).clear();
            totes[keep] += totes[gone];
            volume[keep] += volume[gone];
            weight[keep] += weight[gone];
        }
        List<List<BatchedOrder>> batches = new ArrayList<>();
        for (List<BatchedOrder> batch : members) {
            if (!batch.isEmpty()) {
                batches.add(batch);
            }
        }
        return batches;
    }
}
