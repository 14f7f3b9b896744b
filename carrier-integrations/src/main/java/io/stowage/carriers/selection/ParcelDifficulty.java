package io.stowage.carriers.selection;

import java.util.Comparator;

/**
 * Orders parcels from easiest to hardest to place, for the construction heuristic (which places the
 * hardest first): a parcel with fewer options that keep its promise and its customer's choice is
 * harder, and among equals, the one with the earlier promise.
 */
public class ParcelDifficulty implements Comparator<ParcelAssignment> {

    private static final Comparator<ParcelAssignment> ORDER = Comparator
            .comparingLong((ParcelAssignment assignment) -> acceptableOptions(assignment))
            .reversed()
            .thenComparing(assignment -> assignment.getDemand().promisedBy(), Comparator.reverseOrder())
            .thenComparing(ParcelAssignment::getParcelId);

    @Override
    public int compare(ParcelAssignment a, ParcelAssignment b) {
        return ORDER.compare(a, b);
    }

    private static long acceptableOptions(ParcelAssignment assignment) {
        ParcelDemand demand = assignment.getDemand();
        return assignment.getOptions().stream()
                .filter(option -> option.arrivesBy(demand.promisedBy()) && demand.preference().accepts(option.quote().service()))
                .count();
    }
}
