package io.stowage.api.packing;

import io.stowage.api.Published;
import reactor.core.publisher.Mono;

/**
 * Other features act on a closed carton in the same transaction as the close: shipping opens the
 * shipment, slips takes the inserts from stock. Any Spring bean implementing this is called, one
 * after the other, after the carton's row is closed and before the transaction commits. A handler
 * that fails (a {@code Mono.error} with an {@code ApiProblem}) refuses the close: nothing of it is
 * kept, and the packer sees the handler's problem.
 * <p>
 * Packing itself depends on {@code boxes} (box suggestions and weight checks, and taking the box from
 * packaging stock), so {@code boxes} must not implement this interface: that would be a dependency
 * cycle, which {@code FeatureBoundariesTest} refuses.
 */
@Published
public interface CartonClosedHandler {

    Mono<Void> onCartonClosed(CartonClosed carton);
}
