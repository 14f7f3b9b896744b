package io.stowage.benchmarks.picking;

import io.stowage.picking.batching.OrderToBatch;
import io.stowage.picking.layout.LayoutLocation;
import io.stowage.picking.layout.WarehouseLayout;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Seeded random pick lists and open orders over a layout's locations, uniform over the locations as in the
 * routing literature's usual random-storage experiments.
 */
final class GeneratedInstances {

    static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");

    private final List<LayoutLocation> locations;
    private final Random random;

    GeneratedInstances(WarehouseLayout layout, long seed) {
        this.locations = new ArrayList<>(layout.locations());
        this.random = new Random(seed);
    }

    /** A pick list of {@code lines} locations; two lines may share a location. */
    List<String> pickList(int lines) {
        List<String> codes = new ArrayList<>(lines);
        for (int i = 0; i < lines; i++) {
            codes.add(locations.get(random.nextInt(locations.size())).code());
        }
        return codes;
    }

    /**
     * Open e-commerce orders: 1 to 5 lines (mostly few), 1 or 2 totes, a third due out today and the rest
     * tomorrow, one in ten express, placed over the last two days.
     */
    List<OrderToBatch> orders(int count) {
        List<OrderToBatch> orders = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int lines = 1 + Math.min(4, (int) Math.floor(-Math.log(1 - random.nextDouble()) * 1.5));
            Instant cutoff = random.nextInt(3) == 0 ? NOW.plus(Duration.ofHours(4)) : NOW.plus(Duration.ofHours(28));
            orders.add(new OrderToBatch(String.format("O%05d", i), pickList(lines), random.nextInt(4) == 0 ? 2 : 1,
                    2_000L + random.nextInt(30_000), 200L + random.nextInt(6_000),
                    NOW.minus(Duration.ofMinutes(random.nextInt(48 * 60))), cutoff, random.nextInt(10) == 0));
        }
        return orders;
    }
}
