package io.stowage.api.shipping;

import io.stowage.api.Published;
import io.stowage.api.network.Network;
import io.stowage.api.network.Node;
import io.stowage.api.orders.OrderShipTo;
import io.stowage.api.problem.ApiProblem;
import io.stowage.api.problem.ProblemType;
import io.stowage.carriers.spi.Address;
import io.stowage.carriers.spi.CarrierApiException;
import io.stowage.carriers.spi.CarrierException;
import io.stowage.carriers.spi.CarrierUnavailableException;
import io.stowage.carriers.spi.Parcel;
import io.stowage.carriers.spi.ReturnLabel;
import io.stowage.carriers.spi.ReturnLabelRequest;
import io.stowage.carriers.spi.UnsupportedCarrierOperationException;
import java.time.Instant;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * Buys return labels: a parcel of an order goes back from the customer to the warehouse it shipped
 * from, with the carrier and the account its outbound label was bought through, in the parcel's
 * size as it left. Where the carrier takes parcels without a printed label, the label comes with
 * the drop-off code its QR code carries.
 */
@Service
@Published
public class ReturnLabels {

    /**
     * A bought return label.
     *
     * @param trackingUrl the carrier's public tracking page of the return, or null when this service knows none
     * @param dropOffCode what the drop-off QR code carries, or null when the carrier has no label-free drop-off
     */
    public record BoughtReturnLabel(String carrier, String serviceCode, String trackingNumber, String trackingUrl, long priceMinor,
                                    String currency, byte[] pdf, byte[] png, byte[] zpl, String dropOffCode) {
    }

    /** The parcel as it left: what its return label is bought on. */
    private record Outbound(UUID orderId, UUID nodeId, String carrierCode, String serviceCode, UUID accountId, String orderNumber, int weightGrams, int lengthMm,
                            int widthMm, int heightMm) {
    }

    private final DatabaseClient db;
    private final MerchantCarriers carriers;
    private final OrderShipTo orders;
    private final Network network;

    ReturnLabels(DatabaseClient db, MerchantCarriers carriers, OrderShipTo orders, Network network) {
        this.db = db;
        this.carriers = carriers;
        this.orders = orders;
        this.network = network;
    }

    /**
     * Buys the return label of a shipped parcel of the merchant's, addressed from the order's
     * recipient to the parcel's node; empty when the parcel's carrier sells no return labels.
     * A carrier that cannot be reached is a 502 problem, a refusal a 409 problem.
     */
    public Mono<BoughtReturnLabel> buy(UUID merchantId, UUID shipmentId, String rma) {
        return db.sql("""
                        SELECT order_id, node_id, order_number, carrier_code, service_code, carrier_account_id, weight_grams, length_mm,
                               width_mm, height_mm
                        FROM shipments WHERE id = :id AND merchant_id = :merchant AND carrier_code IS NOT NULL
                        """)
                .bind("id", shipmentId).bind("merchant", merchantId)
                .map(row -> new Outbound(row.get("order_id", UUID.class), row.get("node_id", UUID.class), row.get("carrier_code", String.class),
                        row.get("service_code", String.class), row.get("carrier_account_id", UUID.class), row.get("order_number", String.class),
                        row.get("weight_grams", Integer.class), row.get("length_mm", Integer.class), row.get("width_mm", Integer.class),
                        row.get("height_mm", Integer.class)))
                .one()
                .switchIfEmpty(Mono.error(() -> ApiProblem.notFound("Shipment", shipmentId)))
                .flatMap(outbound -> Mono.zip(orders.of(merchantId, outbound.orderId()), network.node(outbound.nodeId()))
                        .flatMap(both -> buy(outbound, both.getT1(), both.getT2(), rma)));
    }

    private Mono<BoughtReturnLabel> buy(Outbound outbound, OrderShipTo.ShipTo customer, Node node, String rma) {
        String integration = LabelPurchases.integration(outbound.carrierCode());
        Address from = new Address(customer.name(), "", customer.addressLine(), "", customer.city(), customer.postalCode(), customer.country(),
                customer.phone() == null ? "" : customer.phone(), customer.email() == null ? "" : customer.email());
        Address to = new Address(node.name(), "", node.address().line(), "", node.address().city(), node.address().postalCode(),
                node.address().country(), "", "");
        ReturnLabelRequest request = new ReturnLabelRequest(rma, outbound.orderNumber(), from, to,
                Parcel.of(outbound.weightGrams(), outbound.lengthMm(), outbound.widthMm(), outbound.heightMm()), outbound.serviceCode(),
                Instant.now());
        return carriers.forPurchase(integration, outbound.accountId())
                .flatMap(carrier -> db.sql("SELECT nextval('shipping_tracking_serials') AS serial").map(row -> row.get("serial", Long.class)).one()
                        .flatMap(serial -> Mono.fromCompletionStage(() -> carriers.serials().with(serial, () -> carrier.createReturnLabel(request)))))
                .map(label -> bought(integration, label))
                .onErrorResume(UnsupportedCarrierOperationException.class, unsupported -> Mono.empty())
                .onErrorMap(CarrierException.class, ReturnLabels::problem);
    }

    private BoughtReturnLabel bought(String integration, ReturnLabel label) {
        String trackingNumber = label.trackingKey().trackingNumber();
        return new BoughtReturnLabel(label.trackingKey().carrierCode(), label.service().serviceCode(), trackingNumber,
                carriers.trackingUrl(integration, trackingNumber).orElse(null), label.price().minorUnits(),
                label.price().currency().getCurrencyCode(), label.documents().pdf(), label.documents().png(), label.documents().zpl(),
                label.dropOffCode().orElse(null));
    }

    private static ApiProblem problem(CarrierException e) {
        if (e instanceof CarrierUnavailableException || e instanceof CarrierApiException api && api.httpStatus() >= 500) {
            return ApiProblem.of(ProblemType.CARRIER_UNAVAILABLE, "The carrier did not answer for the return label: " + e.getMessage());
        }
        return ApiProblem.of(ProblemType.RETURN_LABEL_REFUSED, "The carrier refused the return label: " + e.getMessage());
    }
}
