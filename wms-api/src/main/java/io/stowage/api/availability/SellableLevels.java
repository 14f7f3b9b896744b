package io.stowage.api.availability;

import io.stowage.api.Published;
import java.util.Collection;
import java.util.UUID;
import reactor.core.publisher.Flux;

/**
 * The sellable levels availability reads: units on hand and reserved per variant and node, and
 * the variants' totals over every node.
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

    /** Units of one of the merchant's variants available over every node: on hand less reserved, as last committed. */
    record Total(UUID variantId, int available) {
    }

    /** The merchant's totals of these variants; a variant whose stock never moved may be missing (0 units). */
    Flux<Total> totals(UUID merchantId, Collection<UUID> variantIds);
}
