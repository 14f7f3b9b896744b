package io.stowage.api.catalog;

import io.stowage.api.Published;
import java.util.UUID;
import reactor.core.publisher.Mono;

/**
 * Whether stock of a variant ever moved, asked before the variant is deleted: a variant with stock
 * history stays in the catalog. {@code inventory} owns the movements and answers through this
 * interface; it already uses the catalog, so the catalog asking inventory's classes directly would
 * make the two features depend on each other.
 */
@Published
public interface StockHistory {

    Mono<Boolean> hasMoved(UUID merchantId, UUID variantId);
}
