package io.stowage.api.shipping;

import io.stowage.api.packing.CartonClosed;
import io.stowage.api.packing.CartonClosedHandler;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * A closed carton opens its shipment in the close's transaction (SSCC, label pending); the label is
 * bought once the close has committed, so a slow or failing carrier never holds up or undoes the close.
 */
@Component
class CartonShipping implements CartonClosedHandler {

    private final ShipmentOpening opening;

    CartonShipping(ShipmentOpening opening) {
        this.opening = opening;
    }

    @Override
    public Mono<Void> onCartonClosed(CartonClosed carton) {
        return opening.open(new ShipmentOpening.Carton(carton.cartonId(), carton.merchantId(), carton.nodeId(), carton.orderId(),
                carton.orderNumber(), carton.cartonNumber(), carton.lengthMm(), carton.widthMm(), carton.heightMm(), carton.weightGrams())).then();
    }
}
