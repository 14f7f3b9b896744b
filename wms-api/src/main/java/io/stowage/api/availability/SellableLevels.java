package io.stowage.api.availability;

import io.stowage.api.Published;
import java.util.Collection;
import java.util.UUID;
import reactor.core.publisher.Flux;

/**
 * The sellable levels availability reads: units on hand and reserved per variant and node.
 * {@code inventory} owns the levels and answers through this interface; it already tells
 * availability when a variant comes back in stock, so availability asking inventory's classes
 * directly would make the two features depend on each other.
 */
@Published
public interface SellableLevels {

    /** Units of one of the merchant's variants at one node, as last committed. */
    record Level(UUID variantId, UUID nodeId, int onHand, int reserved) {
    }

    /** The merchant's levels of these variants at every node that has one. */
    Flux<Level> of(UUID merchantId, Collection<UUID> variantIds);
}
