package io.stowage.carriers.easypost;

import io.stowage.carriers.spi.CancellationResult;
import io.stowage.carriers.spi.CarrierApiException;
import io.stowage.carriers.spi.Carrier;
import io.stowage.carriers.spi.CarrierException;
import io.stowage.carriers.spi.CarrierFutures;
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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

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
    public CompletionStage<List<RateQuote>> quote(RateRequest request) {
        if (!request.to().hasKnownCountry()) {
            return CompletableFuture.failedFuture(
                    new UnknownDestinationException("'" + request.to().country() + "' is not an ISO 3166-1 country code"));
        }
        return CarrierFutures.attempt(() -> createShipment(request, ""))
                .thenApply(shipment -> mapper.rates(shipment, request.parcel(), request.to(), request.readyAt()));
    }

    /**
     * Buys the label, then downloads it as PNG, ZPL and PDF. If anything fails after the purchase,
     * the label is refunded before the error is raised, so no paid label is left behind unrecorded.
     */
    @Override
    public CompletionStage<CreatedLabel> createLabel(LabelRequest request) {
        return CarrierFutures.attempt(() -> request.rateId().map(id -> CompletableFuture.completedFuture(EasyPostRateId.parse(id)))
                        .orElseGet(() -> rateForService(request)))
                .thenCompose(this::buy)
                .thenCompose(bought -> store(mapper.purchase(bought), request));
    }

    /** Downloads the bought label's files, one after another; when that fails, refunds the label before failing. */
    private CompletableFuture<CreatedLabel> store(EasyPostMapper.Purchase purchase, LabelRequest request) {
        TrackingKey key = new TrackingKey(EasyPostMapper.CARRIER_PREFIX + purchase.carrier(), purchase.trackingCode());
        return transport.download(purchase.pngUrl())
                .thenCompose(png -> convertedLabel(purchase.shipmentId(), "ZPL").thenCompose(transport::download)
                        .thenCompose(zpl -> convertedLabel(purchase.shipmentId(), "PDF").thenCompose(transport::download)
                                .thenApply(pdf -> new LabelDocuments(zpl, pdf, png))))
                .thenApply(documents -> new CreatedLabel(key, purchase.shipmentId(),
                        mapper.service(purchase.carrier(), purchase.service(), request.to().country(), purchase.transitDays()), purchase.price(),
                        purchase.transitDays(), documents))
                .exceptionallyCompose(failure -> {
                    if (!(CarrierFutures.cause(failure) instanceof CarrierException e)) {
                        return CarrierFutures.failed(failure);
                    }
                    return refundQuietly(new ShipmentHandle(key, purchase.shipmentId())).thenCompose(refund -> CompletableFuture.failedFuture(
                            new LabelNotStoredException("EasyPost label " + key + " was bought but could not be stored (" + e.getMessage()
                                    + "); refund: " + refund.outcome() + " " + refund.detail(), refund, e)));
                });
    }

    @Override
    public CompletionStage<CancellationResult> cancel(ShipmentHandle shipment) {
        return refund(shipment);
    }

    private CompletableFuture<CancellationResult> refund(ShipmentHandle shipment) {
        return transport.post("shipments/" + shipment.carrierShipmentId() + "/refund", new byte[] {'{', '}'}, EasyPostTransport.Repeatable.SAFE)
                .thenApply(body -> mapper.refund(mapper.parse(body, "refund"), shipment.trackingKey()));
    }

    /** Creates (or finds, EasyPost de-duplicates by code and carrier) the tracker and returns its history. */
    @Override
    public CompletionStage<TrackingHistory> track(TrackingKey trackingKey) {
        return CarrierFutures.attempt(() -> transport.post("trackers", mapper.bytes(mapper.trackerRequest(trackingKey)),
                        EasyPostTransport.Repeatable.SAFE))
                .thenApply(body -> mapper.tracking(mapper.parse(body, "tracker")));
    }

    @Override
    public Optional<WebhookSignatureScheme> webhookSignatureScheme() {
        return Optional.of(SIGNATURE);
    }

    @Override
    public WebhookNotification parseWebhook(VerifiedWebhook webhook) {
        return mapper.webhookEvent(mapper.parse(webhook.body(), "webhook event"));
    }

    private CompletableFuture<JsonNode> createShipment(RateRequest request, String reference) {
        // Repeating a shipment creation is harmless: an unbought shipment costs nothing.
        return transport.post("shipments", mapper.bytes(mapper.shipmentRequest(request.from(), request.to(),
                        request.parcel(), reference, request.customs())),
                EasyPostTransport.Repeatable.SAFE)
                .thenApply(body -> mapper.parse(body, "shipment"));
    }

    private CompletableFuture<EasyPostRateId> rateForService(LabelRequest request) {
        return createShipment(request.rateRequest(), request.orderReference()).thenApply(shipment -> {
            List<RateQuote> quotes = mapper.rates(shipment, request.parcel(), request.to(), request.readyAt());
            return quotes.stream()
                    .filter(quote -> serviceCode(quote).equalsIgnoreCase(request.serviceCode()))
                    .findFirst()
                    .map(quote -> EasyPostRateId.parse(quote.rateId().orElseThrow()))
                    .orElseThrow(() -> new NoEligibleServiceException("EasyPost offered no rate for '" + request.serviceCode()
                            + "'; it offered " + quotes.stream().map(EasyPostCarrier::serviceCode).toList()));
        });
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
    private CompletableFuture<JsonNode> buy(EasyPostRateId rateId) {
        return transport.post("shipments/" + rateId.shipmentId() + "/buy", mapper.bytes(mapper.buyRequest(rateId)),
                        EasyPostTransport.Repeatable.ONLY_IF_NOT_PROCESSED)
                .thenApply(body -> mapper.parse(body, "buy"))
                .exceptionallyCompose(failure -> {
                    Throwable cause = CarrierFutures.cause(failure);
                    boolean mayHaveBought = cause instanceof CarrierUnavailableException
                            || (cause instanceof CarrierApiException refused && mayHaveBought(refused));
                    return mayHaveBought ? readBack(rateId, (CarrierException) cause) : CarrierFutures.failed(failure);
                });
    }

    /** The shipment read back after a purchase that may have happened: bought, or the purchase's own failure. */
    private CompletableFuture<JsonNode> readBack(EasyPostRateId rateId, CarrierException purchaseFailure) {
        return transport.get("shipments/" + rateId.shipmentId(), EasyPostTransport.Repeatable.SAFE)
                .thenApply(body -> mapper.parse(body, "shipment"))
                .handle((shipment, readBackFailure) -> {
                    if (readBackFailure != null) {
                        if (!(CarrierFutures.cause(readBackFailure) instanceof CarrierException unreadable)) {
                            return CarrierFutures.<JsonNode>failed(readBackFailure);
                        }
                        purchaseFailure.addSuppressed(unreadable);
                        return CompletableFuture.<JsonNode>failedFuture(purchaseFailure);
                    }
                    return mapper.isBought(shipment) ? CompletableFuture.completedFuture(shipment)
                            : CompletableFuture.<JsonNode>failedFuture(purchaseFailure);
                })
                .thenCompose(result -> result);
    }

    /** An answer after which the shipment may carry postage all the same. */
    private static boolean mayHaveBought(CarrierApiException e) {
        return e.httpStatus() >= 500 || e.carrierErrorCode().endsWith("POSTAGE.EXISTS")
                || e.carrierErrorCode().endsWith("PURCHASE.IN_PROGRESS");
    }

    private CompletableFuture<String> convertedLabel(String shipmentId, String fileFormat) {
        return transport.get("shipments/" + shipmentId + "/label?file_format=" + fileFormat, EasyPostTransport.Repeatable.SAFE)
                .thenApply(body -> mapper.convertedLabelUrl(mapper.parse(body, "label conversion"), fileFormat));
    }

    private CompletableFuture<CancellationResult> refundQuietly(ShipmentHandle handle) {
        return refund(handle).exceptionallyCompose(failure -> CarrierFutures.cause(failure) instanceof CarrierException e
                ? CompletableFuture.completedFuture(new CancellationResult(handle.trackingKey(), CancellationResult.Outcome.REJECTED,
                        "refund request failed too: " + e.getMessage()))
                : CarrierFutures.failed(failure));
    }
}
