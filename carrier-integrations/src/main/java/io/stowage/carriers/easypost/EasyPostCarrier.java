package io.stowage.carriers.easypost;

import io.stowage.carriers.spi.CancellationResult;
import io.stowage.carriers.spi.CarrierApiException;
import io.stowage.carriers.spi.Carrier;
import io.stowage.carriers.spi.CarrierException;
import io.stowage.carriers.spi.CarrierService;
import io.stowage.carriers.spi.CarrierUnavailableException;
import io.stowage.carriers.spi.CreatedLabel;
import io.stowage.carriers.spi.LabelDocuments;
import io.stowage.carriers.spi.LabelNotStoredException;
import io.stowage.carriers.spi.LabelRequest;
import io.stowage.carriers.spi.NoEligibleServiceException;
import io.stowage.carriers.spi.RateQuote;
import io.stowage.carriers.spi.RateRequest;
import io.stowage.carriers.spi.ShipmentHandle;
import io.stowage.carriers.spi.TrackingKey;
import io.stowage.carriers.spi.UnknownDestinationException;
import io.stowage.carriers.tracking.TrackingHistory;
import io.stowage.carriers.tracking.VerifiedWebhook;
import io.stowage.carriers.tracking.WebhookNotification;
import io.stowage.carriers.tracking.WebhookSignatureScheme;
import tools.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.List;
import java.util.Optional;

/**
 * The EasyPost multi-carrier API (v2): rates from every carrier account of the merchant, labels
 * bought from the chosen rate with their PNG, ZPL and PDF downloaded and kept, refunds, trackers
 * and signed tracker webhooks. Tracking keys name the real carrier, e.g. {@code easypost:USPS}.
 * Service codes for {@link #createLabel} are {@code CARRIER/Service} such as {@code USPS/Priority},
 * or the request carries the quote's rate id.
 */
public final class EasyPostCarrier implements Carrier {

    public static final String CODE = "easypost";
    static final WebhookSignatureScheme SIGNATURE = new WebhookSignatureScheme(
            "X-Hmac-Signature", "hmac-sha256-hex=", WebhookSignatureScheme.DigestEncoding.HEX);

    private final EasyPostMapper mapper;
    private final EasyPostTransport transport;

    public EasyPostCarrier(EasyPostSettings settings) {
        this.mapper = new EasyPostMapper(settings.cutOff(), settings.timeZone());
        this.transport = new EasyPostTransport(settings, mapper);
    }

    /** EasyPost signs with the webhook secret normalised to NFKD; pass the result to the webhook receiver. */
    public static byte[] webhookSecret(String secret) {
        return Normalizer.normalize(secret, Normalizer.Form.NFKD).getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public String code() {
        return CODE;
    }

    @Override
    public String displayName() {
        return "EasyPost";
    }

    /** EasyPost's services depend on the merchant's carrier accounts; they arrive with each rate request. */
    @Override
    public List<CarrierService> services() {
        return List.of();
    }

    /** Creates an EasyPost shipment (unbought shipments cost nothing) and returns its rates. */
    @Override
    public List<RateQuote> quote(RateRequest request) {
        if (!request.to().hasKnownCountry()) {
            throw new UnknownDestinationException("'" + request.to().country() + "' is not an ISO 3166-1 country code");
        }
        JsonNode shipment = createShipment(request, "");
        return mapper.rates(shipment, request.parcel(), request.to(), request.readyAt());
    }

    /**
     * Buys the label, then downloads it as PNG, ZPL and PDF. If anything fails after the purchase,
     * the label is refunded before the error is raised, so no paid label is left behind unrecorded.
     */
    @Override
    public CreatedLabel createLabel(LabelRequest request) {
        EasyPostRateId rateId = request.rateId().map(EasyPostRateId::parse)
                .orElseGet(() -> rateForService(request));
        JsonNode bought = buy(rateId);
        EasyPostMapper.Purchase purchase = mapper.purchase(bought);
        TrackingKey key = new TrackingKey(EasyPostMapper.CARRIER_PREFIX + purchase.carrier(), purchase.trackingCode());
        try {
            byte[] png = transport.download(purchase.pngUrl());
            byte[] zpl = transport.download(convertedLabel(purchase.shipmentId(), "ZPL"));
            byte[] pdf = transport.download(convertedLabel(purchase.shipmentId(), "PDF"));
            CarrierService service = mapper.service(purchase.carrier(), purchase.service(), request.to().country());
            return new CreatedLabel(key, purchase.shipmentId(), service, purchase.price(), new LabelDocuments(zpl, pdf, png));
        } catch (CarrierException e) {
            CancellationResult refund = refundQuietly(new ShipmentHandle(key, purchase.shipmentId()));
            throw new LabelNotStoredException("EasyPost label " + key + " was bought but could not be stored (" + e.getMessage()
                    + "); refund: " + refund.outcome() + " " + refund.detail(), refund, e);
        }
    }

    @Override
    public CancellationResult cancel(ShipmentHandle shipment) {
        byte[] body = transport.post("shipments/" + shipment.carrierShipmentId() + "/refund", new byte[] {'{', '}'},
                EasyPostTransport.Repeatable.SAFE);
        return mapper.refund(mapper.parse(body, "refund"), shipment.trackingKey());
    }

    /** Creates (or finds, EasyPost de-duplicates by code and carrier) the tracker and returns its history. */
    @Override
    public TrackingHistory track(TrackingKey trackingKey) {
        byte[] body = transport.post("trackers", mapper.bytes(mapper.trackerRequest(trackingKey)), EasyPostTransport.Repeatable.SAFE);
        return mapper.tracking(mapper.parse(body, "tracker"));
    }

    @Override
    public Optional<WebhookSignatureScheme> webhookSignatureScheme() {
        return Optional.of(SIGNATURE);
    }

    @Override
    public WebhookNotification parseWebhook(VerifiedWebhook webhook) {
        return mapper.webhookEvent(mapper.parse(webhook.body(), "webhook event"));
    }

    private JsonNode createShipment(RateRequest request, String reference) {
        // Repeating a shipment creation is harmless: an unbought shipment costs nothing.
        byte[] body = transport.post("shipments", mapper.bytes(mapper.shipmentRequest(request.from(), request.to(),
                        request.parcel(), reference, request.customs())),
                EasyPostTransport.Repeatable.SAFE);
        return mapper.parse(body, "shipment");
    }

    private EasyPostRateId rateForService(LabelRequest request) {
        JsonNode shipment = createShipment(request.rateRequest(), request.orderReference());
        List<RateQuote> quotes = mapper.rates(shipment, request.parcel(), request.to(), request.readyAt());
        return quotes.stream()
                .filter(quote -> serviceCode(quote).equalsIgnoreCase(request.serviceCode()))
                .findFirst()
                .map(quote -> EasyPostRateId.parse(quote.rateId().orElseThrow()))
                .orElseThrow(() -> new NoEligibleServiceException("EasyPost offered no rate for '" + request.serviceCode()
                        + "'; it offered " + quotes.stream().map(EasyPostCarrier::serviceCode).toList()));
    }

    /** {@code USPS/Priority}: the real carrier and its service, as label requests name them. */
    static String serviceCode(RateQuote quote) {
        return quote.carrierCode().substring(EasyPostMapper.CARRIER_PREFIX.length()) + "/" + quote.service().serviceCode();
    }

    /**
     * Buying is not repeated blindly after a timeout, since the first attempt may have bought the
     * label. Whenever the purchase may have happened although its answer says otherwise (no answer,
     * a gateway or server error, or a retry refused because the shipment already has postage), the
     * shipment is read back, and a label found there is the one that was bought and paid for.
     */
    private JsonNode buy(EasyPostRateId rateId) {
        try {
            byte[] body = transport.post("shipments/" + rateId.shipmentId() + "/buy", mapper.bytes(mapper.buyRequest(rateId)),
                    EasyPostTransport.Repeatable.ONLY_IF_NOT_PROCESSED);
            return mapper.parse(body, "buy");
        } catch (CarrierUnavailableException | CarrierApiException e) {
            if (e instanceof CarrierApiException refused && !mayHaveBought(refused)) {
                throw refused;
            }
            JsonNode shipment;
            try {
                shipment = mapper.parse(transport.get("shipments/" + rateId.shipmentId(), EasyPostTransport.Repeatable.SAFE), "shipment");
            } catch (CarrierException readBackFailure) {
                e.addSuppressed(readBackFailure);
                throw e;
            }
            if (mapper.isBought(shipment)) {
                return shipment;
            }
            throw e;
        }
    }

    /** An answer after which the shipment may carry postage all the same. */
    private static boolean mayHaveBought(CarrierApiException e) {
        return e.httpStatus() >= 500 || e.carrierErrorCode().endsWith("POSTAGE.EXISTS")
                || e.carrierErrorCode().endsWith("PURCHASE.IN_PROGRESS");
    }

    private String convertedLabel(String shipmentId, String fileFormat) {
        byte[] body = transport.get("shipments/" + shipmentId + "/label?file_format=" + fileFormat, EasyPostTransport.Repeatable.SAFE);
        return mapper.convertedLabelUrl(mapper.parse(body, "label conversion"), fileFormat);
    }

    private CancellationResult refundQuietly(ShipmentHandle handle) {
        try {
            return cancel(handle);
        } catch (CarrierException e) {
            return new CancellationResult(handle.trackingKey(), CancellationResult.Outcome.REJECTED,
                    "refund request failed too: " + e.getMessage());
        }
    }
}
