package io.stowage.api.boxes;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Some units packed into cartons; what the cartonization compares: the cost first, then fewer cartons, then less box volume. */
record Packing(List<PackedCarton> cartons) {

    static final Comparator<Packing> CHEAPEST = Comparator.comparingLong(Packing::cost)
            .thenComparingInt(packing -> packing.cartons().size())
            .thenComparingLong(Packing::boxVolume)
            .thenComparing(Packing::codes);

    static final Packing EMPTY = new Packing(List.of());

    Packing {
        cartons = List.copyOf(cartons);
    }

    long cost() {
        return cartons.stream().mapToLong(carton -> carton.box().costMinor()).sum();
    }

    long boxVolume() {
        return cartons.stream().mapToLong(carton -> carton.box().innerVolume()).sum();
    }

    /** The box codes used, sorted: two packings with the same codes are the same choice for the packer. */
    String codes() {
        return String.join(",", cartons.stream().map(carton -> carton.box().code()).sorted().toList());
    }

    Packing plus(Packing other) {
        List<PackedCarton> all = new ArrayList<>(cartons);
        all.addAll(other.cartons);
        return new Packing(all);
    }
}
