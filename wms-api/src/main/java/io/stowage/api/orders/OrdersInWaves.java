package io.stowage.api.orders;

import io.stowage.api.Published;
import java.util.Collection;
import java.util.Set;
import java.util.UUID;
import reactor.core.publisher.Mono;

/**
 * Implemented by the feature that plans waves (picking), so that orders knows which of its orders the
 * floor has taken without depending on that feature (which reads orders). An order in an open wave
 * keeps its allocations: the wave's plan names its lots and shelves.
 */
@Published
public interface OrdersInWaves {

    /** Those of these orders that are in an open wave, as last committed. */
    Mono<Set<UUID>> inOpenWaves(Collection<UUID> orderIds);
}
