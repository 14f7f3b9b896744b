package io.stowage.picking.batching;

import io.stowage.picking.routing.RouteLengthEstimator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.function.BooleanSupplier;

/**
 * Iterated local search over batches: descend with relocations (an order to any other batch of its day, or
 * to a new one) and swaps (with orders of a few random batches), then kick the best batches with random
 * swaps and descend again, keeping whichever is shorter. Lengths are {@link RouteLengthEstimator} estimates.
 */
final class BatchLocalSearch {

    private static final int SWAP_BATCHES_PER_ORDER = 12;
    private static final double EPSILON = 1e-9;

    private final RouteLengthEstimator estimator;
    private final CartCapacity capacity;
    private final Random random;
    private BooleanSupplier stop = () -> false;

    BatchLocalSearch(RouteLengthEstimator estimator, CartCapacity capacity, long seed) {
        this.estimator = estimator;
        this.capacity = capacity;
        this.random = new Random(seed);
    }

    List<List<BatchedOrder>> improve(List<List<BatchedOrder>> start, Duration timeLimit) {
        return improve(start, timeLimit, () -> false);
    }

    /** Improves until the time limit or until {@code stop} says so, whichever comes first. */
    List<List<BatchedOrder>> improve(List<List<BatchedOrder>> start, Duration timeLimit, BooleanSupplier stop) {
        this.stop = stop;
        long deadline = System.nanoTime() + timeLimit.toNanos();
        List<Batch> current = new ArrayList<>();
        start.forEach(orders -> current.add(new Batch(orders)));
        descend(current, deadline);
        List<Batch> best = copy(current);
        double bestLength = length(best);
        while (!expired(deadline)) {
            List<Batch> candidate = copy(best);
            kick(candidate);
            descend(candidate, deadline);
            double candidateLength = length(candidate);
            if (candidateLength < bestLength - EPSILON) {
                best = candidate;
                bestLength = candidateLength;
            }
        }
        List<List<BatchedOrder>> result = new ArrayList<>();
        best.stream().filter(batch -> !batch.orders.isEmpty()).forEach(batch -> result.add(List.copyOf(batch.orders)));
        return result;
    }

    private void descend(List<Batch> batches, long deadline) {
        boolean improved = true;
        while (improved && !expired(deadline)) {
            improved = false;
            List<BatchedOrder> orders = new ArrayList<>();
            batches.forEach(batch -> orders.addAll(batch.orders));
            Collections.shuffle(orders, random);
            for (BatchedOrder order : orders) {
                if (expired(deadline)) {
                    return;
                }
                Batch home = batchOf(batches, order);
                improved |= relocate(batches, home, order) || swap(batches, home, order);
                batches.removeIf(batch -> batch.orders.isEmpty());
            }
        }
    }

    private boolean expired(long deadline) {
        return System.nanoTime() >= deadline || stop.getAsBoolean();
    }

    private boolean relocate(List<Batch> batches, Batch home, BatchedOrder order) {
        double homeWithout = home.lengthWith(null, order);
        double gain = home.length - homeWithout;
        Batch target = null;
        double bestDelta = estimator.metres(List.of(order.nodes())) - gain;
        if (home.orders.size() == 1) {
            bestDelta = 0;
        }
        for (Batch other : batches) {
            if (other == home || other.day != order.cutoffDay() || !other.fitsWith(order, null)) {
                continue;
            }
            double delta = other.lengthWith(order, null) - other.length - gain;
            if (delta < bestDelta - EPSILON) {
                bestDelta = delta;
                target = other;
            }
        }
        if (bestDelta >= -EPSILON) {
            return false;
        }
        home.remove(order, homeWithout);
        if (target == null) {
            Batch alone = new Batch(List.of(order));
            batches.add(alone);
        } else {
            target.add(order, target.lengthWith(order, null));
        }
        return true;
    }

    private boolean swap(List<Batch> batches, Batch home, BatchedOrder order) {
        for (int attempt = 0; attempt < SWAP_BATCHES_PER_ORDER && batches.size() > 1; attempt++) {
            Batch other = batches.get(random.nextInt(batches.size()));
            if (other == home || other.day != home.day) {
                continue;
            }
            for (BatchedOrder partner : other.orders) {
                if (!home.fitsWith(partner, order) || !other.fitsWith(order, partner)) {
                    continue;
                }
                double homeAfter = home.lengthWith(partner, order);
                double otherAfter = other.lengthWith(order, partner);
                if (homeAfter + otherAfter < home.length + other.length - EPSILON) {
                    home.remove(order, Double.NaN);
                    home.add(partner, homeAfter);
                    other.remove(partner, Double.NaN);
                    other.add(order, otherAfter);
                    return true;
                }
            }
        }
        return false;
    }

    private void kick(List<Batch> batches) {
        int swaps = Math.max(2, batches.size() / 10);
        for (int k = 0; k < swaps * 4 && swaps > 0; k++) {
            Batch a = batches.get(random.nextInt(batches.size()));
            Batch b = batches.get(random.nextInt(batches.size()));
            if (a == b || a.day != b.day) {
                continue;
            }
            BatchedOrder x = a.orders.get(random.nextInt(a.orders.size()));
            BatchedOrder y = b.orders.get(random.nextInt(b.orders.size()));
            if (a.fitsWith(y, x) && b.fitsWith(x, y)) {
                double aAfter = a.lengthWith(y, x);
                double bAfter = b.lengthWith(x, y);
                a.remove(x, Double.NaN);
                a.add(y, aAfter);
                b.remove(y, Double.NaN);
                b.add(x, bAfter);
                swaps--;
            }
        }
    }

    private static Batch batchOf(List<Batch> batches, BatchedOrder order) {
        for (Batch batch : batches) {
            if (batch.orders.contains(order)) {
                return batch;
            }
        }
        throw new IllegalStateException("order " + order.getOrderId() + " is in no batch");
    }

    private static double length(List<Batch> batches) {
        return batches.stream().mapToDouble(batch -> batch.length).sum();
    }

    private List<Batch> copy(List<Batch> batches) {
        List<Batch> copy = new ArrayList<>(batches.size());
        batches.forEach(batch -> copy.add(new Batch(batch)));
        return copy;
    }

    /** One cart's orders with their loads and estimated route length kept up to date. */
    private final class Batch {
        private final List<BatchedOrder> orders;
        private final long day;
        private int totes;
        private long volume;
        private long weight;
        private double length;

        Batch(List<BatchedOrder> orders) {
            this.orders = new ArrayList<>(orders);
            this.day = orders.get(0).cutoffDay();
            for (BatchedOrder order : orders) {
                totes += order.totes();
                volume += order.volumeCm3();
                weight += order.weightGrams();
            }
            this.length = lengthWith(null, null);
        }

        Batch(Batch other) {
            this.orders = new ArrayList<>(other.orders);
            this.day = other.day;
            this.totes = other.totes;
            this.volume = other.volume;
            this.weight = other.weight;
            this.length = other.length;
        }

        boolean fitsWith(BatchedOrder added, BatchedOrder removed) {
            int t = totes + added.totes() - (removed == null ? 0 : removed.totes());
            long v = volume + added.volumeCm3() - (removed == null ? 0 : removed.volumeCm3());
            long w = weight + added.weightGrams() - (removed == null ? 0 : removed.weightGrams());
            return capacity.fits(t, v, w);
        }

        /** Estimated length with {@code added} joining (if not null) and {@code removed} leaving (if not null). */
        double lengthWith(BatchedOrder added, BatchedOrder removed) {
            List<int[]> nodes = new ArrayList<>(orders.size() + 1);
            for (BatchedOrder order : orders) {
                if (order != removed) {
                    nodes.add(order.nodes());
                }
            }
            if (added != null) {
                nodes.add(added.nodes());
            }
            return estimator.metres(nodes);
        }

        void remove(BatchedOrder order, double newLength) {
            orders.remove(order);
            totes -= order.totes();
            volume -= order.volumeCm3();
            weight -= order.weightGrams();
            length = Double.isNaN(newLength) ? length : newLength;
        }

        void add(BatchedOrder order, double newLength) {
            orders.add(order);
            totes += order.totes();
            volume += order.volumeCm3();
            weight += order.weightGrams();
            length = newLength;
        }
    }
}
