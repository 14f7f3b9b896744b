package io.stowage.api.picking;

import io.stowage.api.Published;
import java.util.UUID;
import reactor.core.publisher.Flux;

/**
 * Units of a cancelled order that wait at the pack station without a pick having put them there:
 * what its closed cartons took from elsewhere (a packing insert from its shelf), now in the unpacked
 * cartons. The order's put-back asks every Spring bean implementing this, in the cancellation's
 * transaction, after its picks' tasks: the implementation books the units back at the pack station
 * (once; asked again, it returns nothing) and answers where each came from, and the put-back brings
 * them there. Picking does not know the features that take such units (they depend on picking), so
 * they implement this rather than picking calling them.
 */
@Published
public interface UnpackedUnits {

    /**
     * Units of a variant and lot booked back at a node's drop-off location ({@link PickedUnits#dropOff}),
     * and the location they were taken from, where they go back to.
     */
    record Unit(UUID nodeId, UUID variantId, UUID lotKey, UUID dropOffId, UUID takenFromId, int quantity) {
    }

    /** Books the cancelled order's units back at the drop-off location, in the caller's transaction; only those not booked back before. */
    Flux<Unit> bookBack(UUID merchantId, UUID orderId, String actor);
}
