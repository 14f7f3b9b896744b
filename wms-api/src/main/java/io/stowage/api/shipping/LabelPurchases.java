package io.stowage.api.shipping;

import io.r2dbc.spi.Readable;
import io.stowage.api.carriers.CarrierCodes;
import io.stowage.api.database.Params;
import io.stowage.api.dayplan.CarrierPlans;
import io.stowage.api.dayplan.PlannedService;
import io.stowage.api.network.Network;
import io.stowage.api.network.Node;
import io.stowage.api.orders.OrderShipTo;
import io.stowage.api.outbox.Outbox;
import io.stowage.api.webhooks.EventTypes;
import io.stowage.barcodes.gs1.Sscc;
import io.stowage.carriers.easypost.EasyPostCarrier;
import io.stowage.carriers.selection.DeliveryPreference;
import io.stowage.carriers.selection.ParcelDemand;
import io.stowage.carriers.selection.PromiseNotKeptException;
import io.stowage.carriers.selection.SelectionPolicy;
import io.stowage.carriers.selection.SingleParcelSelector;
import io.stowage.carriers.spi.Address;
import io.stowage.carriers.spi.Carrier;
import io.stowage.carriers.spi.CarrierApiException;
import io.stowage.carriers.spi.CarrierException;
import io.stowage.carriers.spi.CarrierUnavailableException;
import io.stowage.carriers.spi.CreatedLabel;
import io.stowage.carriers.spi.LabelRequest;
import io.stowage.carriers.spi.NoEligibleServiceException;
import io.stowage.carriers.spi.Parcel;
import io.stowage.carriers.spi.RateQuote;
import io.stowage.carriers.spi.RateRequest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Buys the label of a shipment that waits for one ({@code label_pending}), outside any transaction
 * and after the carton's close has committed. The purchase is made safe to repeat, so that an
 * instance that dies halfway leaves nothing lost or bought twice when another finishes it:
 * <ol>
 *   <li>the service is chosen (the day plan's, else the shopper's, else the best quote by
 *       {@link SingleParcelSelector}, with the reason when it is not the one asked for) and stored
 *       with the purchase's references before anything is bought: the carrier's quote id (EasyPost
 *       buys a quoted shipment, and buying it again answers with the label already bought, which
 *       the library reads back) and a tracking serial (carriers that print their own labels print
 *       the same tracking number again);</li>
 *   <li>the label is bought with those references;</li>
 *   <li>the label and the carrier's answer are stored and {@code shipment.created} written, in one
 *       transaction that only a still-pending shipment passes.</li>
 * </ol>
 * A refusal (the parcel does not fit, the carrier says no) tries the best other service once, then
 * leaves the shipment {@code label_failed} with the carrier's reason. An answer that leaves the
 * purchase unknown (a timeout, a server error) keeps the references and tries again later.
 */
@Component
class LabelPurchases {

    private static final Logger log = LoggerFactory.getLogger(LabelPurchases.class);
    /** Purchases whose outcome stayed unknown are tried this often before the shipment is shown as failed. */
    static final int MAX_UNKNOWN_OUTCOMES = 5;

    private final DatabaseClient db;
    private final TransactionalOperator tx;
    private final Outbox outbox;
    private final OrderShipTo orders;
    private final Network network;
    private final CarrierPlans plans;
    private final MerchantCarriers carriers;
    private final ShippingSettings settings;
    private final ShippingInstance instance;

    LabelPurchases(DatabaseClient db, TransactionalOperator tx, Outbox outbox, OrderShipTo orders, Network network, CarrierPlans plans,
                   MerchantCarriers carriers, ShippingSettings settings, ShippingInstance instance) {
        this.db = db;
        this.tx = tx;
        this.outbox = outbox;
        this.orders = orders;
        this.network = network;
        this.plans = plans;
        this.carriers = carriers;
        this.settings = settings;
        this.instance = instance;
    }

    /** A shipment waiting for its label, as the purchase reads it. */
    record Pending(UUID id, UUID merchantId, UUID nodeId, UUID orderId, String orderNumber, int cartonNumber, String sscc,
                   int weightGrams, int lengthMm, int widthMm, int heightMm, String status, String carrierCode, String serviceCode,
                   String rateId, Long trackingSerial, UUID accountId, String requestedService, String selectionReason, int attempts) {

        Parcel parcel() {
            return Parcel.of(weightGrams, lengthMm, widthMm, heightMm);
        }

        boolean chosen() {
            return carrierCode != null;
        }
    }

    /** The service to buy and how: the carrier integration, the quote, and why it was chosen. */
    private record Choice(MerchantCarriers.Usable usable, RateQuote quote, String carrierCode, String serviceCode, String reason,
                          String requested) {
    }

    /** Everything the purchase needs besides the shipment row. */
    private record Context(Pending pending, OrderShipTo.ShipTo order, Node node, Address from, Address to, String requested,
                           String requestReason) {
    }

    /** Buys the label if the shipment still waits for one; never fails (a failure is stored on the shipment). */
    Mono<Void> buy(UUID shipmentId) {
        return pending(shipmentId)
                .filter(pending -> pending.status().equals(ShipmentView.LABEL_PENDING))
                .flatMap(this::context)
                .flatMap(context -> attempt(context, new LinkedHashMap<>()))
                .onErrorResume(e -> {
                    log.warn("label purchase of shipment {} stopped unexpectedly; the recovery loop takes it up again", shipmentId, e);
                    return Mono.empty();
                });
    }

    private Mono<Pending> pending(UUID shipmentId) {
        return db.sql("""
                        SELECT id, merchant_id, node_id, order_id, order_number, carton_number, sscc, weight_grams, length_mm, width_mm,
                               height_mm, status, carrier_code, service_code, rate_id, tracking_serial, carrier_account_id,
                               requested_service, selection_reason, attempts
                        FROM shipments WHERE id = :id
                        """)
                .bind("id", shipmentId).map(LabelPurchases::pendingRow).one();
    }

    private static Pending pendingRow(Readable row) {
        return new Pending(row.get("id", UUID.class), row.get("merchant_id", UUID.class), row.get("node_id", UUID.class),
                row.get("order_id", UUID.class), row.get("order_number", String.class), row.get("carton_number", Integer.class),
                row.get("sscc", String.class), row.get("weight_grams", Integer.class), row.get("length_mm", Integer.class),
                row.get("width_mm", Integer.class), row.get("height_mm", Integer.class), row.get("status", String.class),
                row.get("carrier_code", String.class), row.get("service_code", String.class), row.get("rate_id", String.class),
                row.get("tracking_serial", Long.class), row.get("carrier_account_id", UUID.class),
                row.get("requested_service", String.class), row.get("selection_reason", String.class), row.get("attempts", Integer.class));
    }

    private Mono<Context> context(Pending pending) {
        return Mono.zip(orders.of(pending.merchantId(), pending.orderId()), network.node(pending.nodeId()),
                        plans.forOrder(pending.orderId()).map(Optional::of).defaultIfEmpty(Optional.empty()))
                .map(all -> {
                    OrderShipTo.ShipTo order = all.getT1();
                    Node node = all.getT2();
                    Optional<PlannedService> plan = all.getT3();
                    String requested = plan.map(PlannedService::serviceCode).orElse(order.carrierService());
                    String requestReason = plan.map(p -> "planned for the day: " + p.reason())
                            .orElse(order.carrierService() == null ? null : "the shopper's choice");
                    Address to = new Address(order.name(), "", order.addressLine(), "", order.city(), order.postalCode(), order.country(),
                            order.phone(), order.email());
                    Address from = new Address(node.name(), "", node.address().line(), "", node.address().city(),
                            node.address().postalCode(), node.address().country(), "", "");
                    return new Context(pending, order, node, from, to, requested == null ? null : requested.toLowerCase(Locale.ROOT),
                            requestReason);
                });
    }

    /**
     * One try: use the stored choice, or choose and store one; buy; store the label. A refused
     * service is remembered in {@code refused} and the best other one is tried, once.
     */
    private Mono<Void> attempt(Context context, Map<String, String> refused) {
        Pending pending = context.pending();
        Mono<Choice> choice = pending.chosen()
                ? storedChoice(context)
                : carriers.forMerchant(pending.merchantId())
                        .flatMap(usable -> offers(context, usable).map(offers -> choose(context, usable, offers, refused)))
                        .flatMap(chosen -> storeChoice(pending, chosen));
        return choice.flatMap(chosen -> pending(pending.id()).flatMap(stored -> {
                    if (!stored.status().equals(ShipmentView.LABEL_PENDING)) {
                        return Mono.<Void>empty();
                    }
                    return Mono.fromCompletionStage(() -> purchase(context, stored, chosen.usable().carrier()))
                            .flatMap(label -> record(stored, label));
                }))
                .onErrorResume(e -> e instanceof CarrierException carrierProblem
                        ? refusedOrUnknown(context, refused, carrierProblem)
                        : unknownOutcome(pending, "the purchase stopped before its label was stored (" + e + "); it is tried again with"
                                + " the same references, so a label already bought is found rather than bought twice"));
    }

    private Mono<Void> refusedOrUnknown(Context context, Map<String, String> refused, CarrierException e) {
        Pending pending = context.pending();
        if (outcomeUnknown(e)) {
            return unknownOutcome(pending, "the carrier's answer did not arrive; the same purchase is asked again, so a label it"
                    + " bought is found rather than bought twice: " + e.getMessage());
        }
        return pending(pending.id()).flatMap(stored -> {
            if (!stored.status().equals(ShipmentView.LABEL_PENDING)) {
                return Mono.<Void>empty();
            }
            if (stored.chosen()) {
                refused.put(stored.carrierCode() + "/" + stored.serviceCode(), e.getMessage());
            }
            // The refused service is forgotten (nothing was bought on it), then the best other one is tried once.
            Mono<Void> forget = clearChoice(stored);
            if (refused.size() == 1 && stored.chosen()) {
                return forget.then(pending(pending.id()))
                        .flatMap(fresh -> attempt(new Context(fresh, context.order(), context.node(), context.from(), context.to(),
                                context.requested(), context.requestReason()), refused));
            }
            return forget.then(fail(stored, reasonOf(e, refused)));
        });
    }

    /** A timeout or a server error: the label may have been bought. The references stay, so the next try finds it. */
    private static boolean outcomeUnknown(CarrierException e) {
        return e instanceof CarrierUnavailableException || e instanceof CarrierApiException api && api.httpStatus() >= 500;
    }

    private static String reasonOf(CarrierException e, Map<String, String> refused) {
        if (refused.isEmpty()) {
            return e.getMessage();
        }
        StringBuilder reason = new StringBuilder();
        refused.forEach((service, why) -> reason.append(reason.isEmpty() ? "" : "; ").append(service).append(": ").append(why));
        if (!refused.containsValue(e.getMessage())) {
            reason.append("; ").append(e.getMessage());
        }
        return reason.toString();
    }

    /** One of the merchant's carriers' answer for the parcel: its quotes, or why it gave none. */
    private record Offer(MerchantCarriers.Usable carrier, List<RateQuote> quotes, String problem) {
    }

    /** Every usable carrier's quotes, asked all at once, in the order of {@code usable}. */
    private static Mono<List<Offer>> offers(Context context, List<MerchantCarriers.Usable> usable) {
        RateRequest request = new RateRequest(context.from(), context.to(), context.pending().parcel(), Instant.now());
        return Flux.fromIterable(usable)
                .flatMapSequential(carrier -> Mono.fromCompletionStage(() -> carrier.carrier().quote(request))
                        .map(quotes -> new Offer(carrier, quotes, null))
                        .onErrorResume(CarrierException.class, e -> Mono.just(new Offer(carrier, List.of(),
                                carrier.carrier().displayName() + ": " + e.getMessage()))))
                .collectList();
    }

    private Choice choose(Context context, List<MerchantCarriers.Usable> usable, List<Offer> offers, Map<String, String> refused) {
        Pending pending = context.pending();
        List<RateQuote> quotes = new ArrayList<>();
        Map<RateQuote, MerchantCarriers.Usable> source = new java.util.IdentityHashMap<>();
        List<String> carrierProblems = new ArrayList<>();
        Set<String> preferred = new HashSet<>();
        for (Offer offer : offers) {
            if (offer.carrier().preferred()) {
                preferred.add(offer.carrier().carrier().code());
            }
            if (offer.problem() != null) {
                carrierProblems.add(offer.problem());
            }
            for (RateQuote quote : offer.quotes()) {
                if (!refused.containsKey(carrierCode(quote) + "/" + serviceCode(quote))) {
                    quotes.add(quote);
                    source.put(quote, offer.carrier());
                }
            }
        }
        String requested = context.requested();
        if (requested != null) {
            Optional<RateQuote> asked = quotes.stream().filter(quote -> qualified(quote).equalsIgnoreCase(requested)).findFirst();
            if (asked.isPresent()) {
                return new Choice(source.get(asked.get()), asked.get(), carrierCode(asked.get()), serviceCode(asked.get()), null, requested);
            }
        }
        if (quotes.isEmpty()) {
            throw new NoEligibleServiceException("no carrier of the merchant can carry " + pending.parcel() + " to "
                    + context.to().country() + " " + context.to().postalCode()
                    + (carrierProblems.isEmpty() ? "" : " (" + String.join("; ", carrierProblems) + ")"));
        }
        boolean installationCarriers = usable.stream().allMatch(carrier -> carrier.accountId() == null);
        if (requested == null && installationCarriers) {
            // Nothing planned or chosen, and the merchant has no carriers of its own: the installation's default carrier, when it can.
            Optional<RateQuote> byDefault = quotes.stream().filter(quote -> carrierCode(quote).equals(CarrierCodes.normalise(settings.defaultCarrier())))
                    .min(java.util.Comparator.comparing(RateQuote::total));
            if (byDefault.isPresent()) {
                RateQuote quote = byDefault.get();
                return new Choice(source.get(quote), quote, carrierCode(quote), serviceCode(quote), "no service was planned or chosen;"
                        + " the installation's default carrier " + settings.defaultCarrier() + ": chose " + qualified(quote) + " at "
                        + quote.total() + ", delivery " + quote.estimatedDelivery(), null);
            }
        }
        ParcelDemand demand = new ParcelDemand(pending.id().toString(), preference(context.order().serviceLevel()),
                context.order().promisedOn() == null ? LocalDate.now().plusYears(1) : context.order().promisedOn(), preferred);
        RateQuote selected;
        String promise = "";
        try {
            selected = new SingleParcelSelector(SelectionPolicy.defaultsFor(comparisonCurrency(quotes))).select(quotes, demand);
        } catch (PromiseNotKeptException e) {
            selected = e.earliestAlternative();
            promise = "; no service keeps the promised date " + demand.promisedBy() + ", so the earliest delivery";
        }
        String why = requested == null
                ? "no service was planned or chosen"
                : requested + " (" + context.requestReason() + ") " + whyNot(requested, usable, refused);
        String reason = why + "; chose " + qualified(selected) + " at " + selected.total() + ", delivery " + selected.estimatedDelivery() + promise;
        return new Choice(source.get(selected), selected, carrierCode(selected), serviceCode(selected), reason, requested);
    }

    /** The configured currency when some quote is in it, else the currency most quotes are in (an EasyPost account in USD). */
    private String comparisonCurrency(List<RateQuote> quotes) {
        Map<String, Long> counts = new LinkedHashMap<>();
        quotes.forEach(quote -> counts.merge(quote.total().currency().getCurrencyCode(), 1L, Long::sum));
        if (counts.containsKey(settings.currency())) {
            return settings.currency();
        }
        return counts.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(settings.currency());
    }

    private static String whyNot(String requested, List<MerchantCarriers.Usable> usable, Map<String, String> refused) {
        for (Map.Entry<String, String> refusal : refused.entrySet()) {
            if (refusal.getKey().equalsIgnoreCase(requested)) {
                return "was refused by the carrier: " + refusal.getValue();
            }
        }
        String carrier = requested.substring(0, Math.max(0, requested.indexOf('/')));
        boolean merchantHasIt = usable.stream().anyMatch(u -> u.carrier().code().equalsIgnoreCase(carrier)
                || carrier.startsWith(EasyPostCarrier.CODE + ":") && u.carrier().code().equals(EasyPostCarrier.CODE));
        return merchantHasIt
                ? "cannot carry this carton (its weight or size, or the destination, is outside the service's limits)"
                : "is not among the merchant's carriers";
    }

    private static DeliveryPreference preference(String serviceLevel) {
        return switch (serviceLevel) {
            case "express" -> DeliveryPreference.EXPRESS;
            case "eco" -> DeliveryPreference.ECO;
            case "pickup_point" -> DeliveryPreference.PICKUP_POINT;
            default -> DeliveryPreference.ANY;
        };
    }

    /** {@code sandbox}, {@code omniva}; EasyPost's quotes name the real carrier as {@code easypost:USPS}, stored as {@code easypost:usps}. */
    private static String carrierCode(RateQuote quote) {
        return CarrierCodes.normalise(quote.carrierCode());
    }

    /** The service code a label request names: EasyPost's is {@code USPS/Priority}. */
    private static String serviceCode(RateQuote quote) {
        String carrier = quote.carrierCode();
        return carrier.startsWith(EasyPostCarrier.CODE + ":")
                ? carrier.substring(EasyPostCarrier.CODE.length() + 1) + "/" + quote.service().serviceCode()
                : quote.service().serviceCode();
    }

    private static String qualified(RateQuote quote) {
        return quote.carrierCode() + "/" + quote.service().serviceCode();
    }

    /** The integration a stored carrier code is bought through. */
    static String integration(String carrierCode) {
        return carrierCode.startsWith(EasyPostCarrier.CODE + ":") ? EasyPostCarrier.CODE : carrierCode;
    }

    /** Stores the choice and the purchase's references, unless another instance stored one first (then that one is used). */
    private Mono<Choice> storeChoice(Pending pending, Choice choice) {
        return db.sql("""
                        UPDATE shipments SET carrier_code = :carrier, service_code = :service, rate_id = :rate,
                               carrier_account_id = :account, requested_service = :requested, selection_reason = :reason,
                               tracking_serial = coalesce(tracking_serial, nextval('shipping_tracking_serials')),
                               updated_at = clock_timestamp()
                        WHERE id = :id AND status = 'label_pending' AND carrier_code IS NULL
                        """)
                .bind("id", pending.id()).bind("carrier", choice.carrierCode()).bind("service", choice.serviceCode())
                .bind("rate", Params.nullable(choice.quote().rateId().orElse(null), String.class))
                .bind("account", Params.nullable(choice.usable().accountId(), UUID.class))
                .bind("requested", Params.nullable(choice.requested(), String.class))
                .bind("reason", Params.nullable(choice.reason(), String.class))
                .fetch().rowsUpdated()
                .flatMap(updated -> updated == 1 ? Mono.just(choice) : pending(pending.id())
                        .filter(Pending::chosen)
                        .flatMap(stored -> storedChoice(new Context(stored, null, null, null, null, null, null))));
    }

    private Mono<Choice> storedChoice(Context context) {
        Pending pending = context.pending();
        return carriers.forPurchase(integration(pending.carrierCode()), pending.accountId())
                .switchIfEmpty(Mono.error(() -> new NoEligibleServiceException("the carrier " + pending.carrierCode()
                        + " of this shipment is no longer configured")))
                .map(carrier -> new Choice(new MerchantCarriers.Usable(carrier, pending.accountId(), false), null, pending.carrierCode(),
                        pending.serviceCode(), pending.selectionReason(), pending.requestedService()));
    }

    private Mono<Void> clearChoice(Pending stored) {
        // The serial stays with the shipment: nothing was printed with it.
        return db.sql("""
                        UPDATE shipments SET carrier_code = NULL, service_code = NULL, rate_id = NULL, carrier_account_id = NULL,
                               updated_at = clock_timestamp()
                        WHERE id = :id AND status = 'label_pending'
                        """)
                .bind("id", stored.id()).then();
    }

    private CompletionStage<CreatedLabel> purchase(Context context, Pending stored, Carrier carrier) {
        LabelRequest request = new LabelRequest(stored.orderNumber(), context.from(), context.to(), stored.parcel(), stored.serviceCode(),
                Sscc.parse(stored.sscc()), Instant.now(), Optional.ofNullable(stored.rateId()));
        return carriers.serials().with(stored.trackingSerial(), () -> carrier.createLabel(request));
    }

    /** Stores the bought label; a shipment another instance finished already is left as it is. */
    private Mono<Void> record(Pending stored, CreatedLabel label) {
        String trackingUrl = carriers.trackingUrl(integration(stored.carrierCode()), label.trackingKey().trackingNumber()).orElse(null);
        Mono<Void> write = db.sql("""
                        INSERT INTO shipment_labels (shipment_id, zpl, pdf, png) VALUES (:id, :zpl, :pdf, :png)
                        ON CONFLICT (shipment_id) DO NOTHING
                        """)
                .bind("id", stored.id()).bind("zpl", label.documents().zpl()).bind("pdf", label.documents().pdf())
                .bind("png", label.documents().png())
                .then()
                .then(db.sql("""
                                UPDATE shipments AS s SET status = 'labelled', tracking_number = :tracking, carrier_shipment_id = :carrierShipment,
                                       carrier_tracking_url = :url, price_minor = :price, currency = :currency, transit_days = :transitDays,
                                       failure_reason = NULL,
                                       attempts = attempts + 1, labelled_at = clock_timestamp(), claimed_by = NULL, claimed_until = NULL,
                                       updated_at = clock_timestamp()
                                WHERE s.id = :id AND s.status = 'label_pending'
                                RETURNING\s""" + ShipmentRows.COLUMNS)
                        .bind("id", stored.id()).bind("tracking", label.trackingKey().trackingNumber())
                        .bind("carrierShipment", Params.nullable(label.carrierShipmentId(), String.class))
                        .bind("url", Params.nullable(trackingUrl, String.class))
                        .bind("price", label.price().minorUnits()).bind("currency", label.price().currency().getCurrencyCode())
                        .bind("transitDays", label.transitDays())
                        .map(ShipmentRows::view).one()
                        .flatMap(view -> outbox.append(view.merchantId(), EventTypes.SHIPMENT_CREATED, view.id().toString(),
                                ShipmentEvents.created(view))));
        return write.as(tx::transactional);
    }

    private Mono<Void> unknownOutcome(Pending pending, String reason) {
        Duration backoff = Duration.ofSeconds(15L * (pending.attempts() + 1));
        return db.sql("""
                        UPDATE shipments SET attempts = attempts + 1, failure_reason = :reason,
                               status = CASE WHEN attempts + 1 >= :max THEN 'label_failed' ELSE status END,
                               claimed_by = NULL, claimed_until = clock_timestamp() + CAST(:backoff AS interval),
                               updated_at = clock_timestamp()
                        WHERE id = :id AND status = 'label_pending'
                        """)
                .bind("id", pending.id()).bind("max", MAX_UNKNOWN_OUTCOMES)
                .bind("reason", reason)
                .bind("backoff", backoff.toSeconds() + " seconds")
                .then();
    }

    private Mono<Void> fail(Pending stored, String reason) {
        return db.sql("""
                        UPDATE shipments SET status = 'label_failed', failure_reason = :reason, attempts = attempts + 1,
                               claimed_by = NULL, claimed_until = NULL, updated_at = clock_timestamp()
                        WHERE id = :id AND status = 'label_pending'
                        """)
                .bind("id", stored.id()).bind("reason", reason).then();
    }

    /** Claims up to {@code limit} pending purchases whose lease ran out (their instance died or gave up) and buys them. */
    Mono<Integer> recoverStuck(int limit) {
        return db.sql("""
                        UPDATE shipments SET claimed_by = :me, claimed_until = clock_timestamp() + CAST(:lease AS interval)
                        WHERE id IN (SELECT id FROM shipments
                                     WHERE status = 'label_pending' AND (claimed_until IS NULL OR claimed_until < clock_timestamp())
                                     ORDER BY claimed_until NULLS FIRST LIMIT :limit
                                     FOR UPDATE SKIP LOCKED)
                        RETURNING id
                        """)
                .bind("me", instance.id()).bind("lease", settings.purchaseLease().toMillis() + " milliseconds").bind("limit", limit)
                .map(row -> row.get("id", UUID.class)).all()
                .concatMap(id -> buy(id).thenReturn(id))
                .count().map(Long::intValue);
    }
}
