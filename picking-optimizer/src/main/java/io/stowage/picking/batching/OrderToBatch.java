package io.stowage.picking.batching;

import io.stowage.picking.PickingException;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;

/**
 * An open order waiting to be picked.
 *
 * @param locationCodes where its lines are picked (a code may repeat)
 * @param totes         totes it fills on the cart
 * @param volumeCm3     volume of its units in cubic centimetres
 * @param weightGrams   weight of its units in grams
 * @param createdAt     when it was placed; older orders are picked earlier
 * @param cutoff        when it must leave the building, or null; orders due on an earlier (UTC) day go first
 * @param express       express orders are picked earlier
 */
public record OrderToBatch(String orderId, List<String> locationCodes, int totes, long volumeCm3, long weightGrams,
                           Instant createdAt, Instant cutoff, boolean express) {

    public OrderToBatch {
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(createdAt, "createdAt");
        locationCodes = List.copyOf(locationCodes);
        if (locationCodes.isEmpty() || totes < 1 || volumeCm3 < 0 || weightGrams < 0) {
            throw new PickingException("order " + orderId + " needs locations, at least one tote and no negative volume or weight");
        }
    }

    /** The UTC day of the cut-off as an epoch day; orders without one come after every dated order. */
    public long cutoffDay() {
        return cutoff == null ? Long.MAX_VALUE : cutoff.atZone(ZoneOffset.UTC).toLocalDate().toEpochDay();
    }
}
