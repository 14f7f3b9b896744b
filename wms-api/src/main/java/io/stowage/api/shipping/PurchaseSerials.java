package io.stowage.api.shipping;

import io.stowage.carriers.ratecard.TrackingNumberSequence;
import java.util.function.Supplier;

/**
 * The tracking serial of the label being bought on this thread. Carriers that print their own
 * labels (the sandbox, rate cards) ask their sequence for a serial while buying; the serial was
 * allotted to the shipment in the database before the purchase, so buying again after a crash
 * prints the same tracking number rather than a second label.
 */
final class PurchaseSerials implements TrackingNumberSequence {

    private final ThreadLocal<Long> current = new ThreadLocal<>();

    <T> T with(long serial, Supplier<T> purchase) {
        current.set(serial);
        try {
            return purchase.get();
        } finally {
            current.remove();
        }
    }

    @Override
    public long next(String carrierCode) {
        Long serial = current.get();
        if (serial == null) {
            throw new IllegalStateException(carrierCode + " asked for a tracking serial outside a purchase");
        }
        return serial;
    }
}
