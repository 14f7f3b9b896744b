package io.stowage.api.orders;

import io.stowage.api.Published;
import java.util.UUID;
import reactor.core.publisher.Mono;

/**
 * Implemented by the feature that plans carrier services (the day plan), so that the order view
 * shows what was planned without orders depending on that feature (which reads orders).
 */
@Published
public interface PlannedCarrierServices {

    /** The order's planned service; empty when it has none. */
    Mono<PlannedCarrierService> forOrder(UUID orderId);
}
