package io.stowage.carriers.spi;

/**
 * A bought label.
 *
 * @param carrierShipmentId the carrier's id for the shipment, needed to cancel it at some carriers
 */
public record CreatedLabel(TrackingKey trackingKey, String carrierShipmentId, CarrierService service,
                           Money price, LabelDocuments documents) {

    public ShipmentHandle handle() {
        return new ShipmentHandle(trackingKey, carrierShipmentId);
    }
}
