package io.stowage.carriers.selection;

import io.stowage.carriers.spi.CarrierService;
import io.stowage.carriers.spi.ServiceSpeed;

/** What the customer chose at checkout. */
public enum DeliveryPreference {
    /** No particular choice: any service that keeps the promise. */
    ANY,
    EXPRESS,
    /** Lower emissions: no express services, and emissions weigh on the choice. */
    ECO,
    /** Collect from a pickup point or parcel locker. */
    PICKUP_POINT;

    public boolean accepts(CarrierService service) {
        return switch (this) {
            case ANY -> true;
            case EXPRESS -> service.speed() == ServiceSpeed.EXPRESS;
            case ECO -> service.speed() != ServiceSpeed.EXPRESS;
            case PICKUP_POINT -> service.deliveryMode().isCollectedByRecipient();
        };
    }
}
