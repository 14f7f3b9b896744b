package io.stowage.carriers.spi;

/**
 * A bought label.
 *
 * @param carrierShipmentId the carrier's id for the shipment, needed to cancel it at some carriers
 * @param transitDays       the business days in transit the bought rate counted on for this parcel's destination, from
 *                          which an ETA is worked out until the lane has a history
 */
public record CreatedLabel(TrackingKey trackingKey, String carrierShipmentId, CarrierService service,
                           Money price, int transitDays, LabelDocuments documents) {

    public ShipmentHandle handle() {
        return new ShipmentHandle(trackingKey, carrierShipmentId);
    }
}
