package io.stowage.api.availability;

import io.stowage.api.Published;
import java.time.LocalDate;
import java.util.Collection;
import java.util.UUID;
import reactor.core.publisher.Flux;

/**
 * Units announced and not received yet, per variant and node: what availability calls incoming.
 * {@code inbound} owns the advance shipping notices and answers through this interface; inbound
 * books receipts through inventory, which tells availability of stock coming back, so availability
 * asking inbound's classes directly would close a cycle.
 */
@Published
public interface IncomingUnits {

    /** Units of a variant expected at a node on open notices, and the earliest day one is expected. */
    record Incoming(UUID variantId, UUID nodeId, int units, LocalDate earliestOn) {
    }

    /** The merchant's incoming units of these variants, per node that expects any. */
    Flux<Incoming> of(UUID merchantId, Collection<UUID> variantIds);
}
