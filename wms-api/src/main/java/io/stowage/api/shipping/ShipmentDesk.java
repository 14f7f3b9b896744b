package io.stowage.api.shipping;

import io.stowage.api.commands.Commands;
import io.stowage.api.database.Params;
import io.stowage.api.orders.OrderFulfilment;
import io.stowage.api.orders.OrderStatus;
import io.stowage.api.outbox.Outbox;
import io.stowage.api.paging.Cursor;
import io.stowage.api.paging.Page;
import io.stowage.api.problem.ApiProblem;
import io.stowage.api.problem.ProblemType;
import io.stowage.api.webhooks.EventTypes;
import io.stowage.carriers.spi.CancellationResult;
import io.stowage.carriers.spi.CarrierException;
import io.stowage.carriers.spi.CarrierUnavailableException;
import io.stowage.carriers.spi.ShipmentHandle;
import io.stowage.carriers.spi.TrackingKey;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.NoTransactionException;
import reactor.core.publisher.Mono;

/**
 * What people do with shipments: find them (the {@code label_failed} queue among them), print
 * and reprint the stored label, retry a failed purchase, void a label before pickup.
 */
@Component
class ShipmentDesk {

    /** Label formats: ZPL for thermal printers (the default), PDF, PNG. */
    enum Format {
        ZPL("application/zpl"), PDF("application/pdf"), PNG("image/png");

        final String mediaType;

        Format(String mediaType) {
            this.mediaType = mediaType;
        }

        static Format parse(String text) {
            if (text == null || text.isBlank()) {
                return ZPL;
            }
            try {
                return valueOf(text.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw ApiProblem.invalid("format", "must be zpl, pdf or png");
            }
        }
    }

    record LabelDocument(Format format, byte[] bytes, String sscc) {
    }

    private static final Set<String> STATUSES = Set.of(ShipmentView.LABEL_PENDING, ShipmentView.LABEL_FAILED, ShipmentView.LABELLED,
            ShipmentView.VOIDED, ShipmentView.LOADED, ShipmentView.SHIPPED);

    private final DatabaseClient db;
    private final Outbox outbox;
    private final LabelPurchases purchases;
    private final MerchantCarriers carriers;
    private final ShippingSettings settings;
    private final ShippingInstance instance;
    private final ShipmentOpening opening;
    private final OrderFulfilment orders;

    ShipmentDesk(DatabaseClient db, Outbox outbox, LabelPurchases purchases, MerchantCarriers carriers, ShippingSettings settings,
                 ShippingInstance instance, ShipmentOpening opening, OrderFulfilment orders) {
        this.db = db;
        this.opening = opening;
        this.orders = orders;
        this.outbox = outbox;
        this.purchases = purchases;
        this.carriers = carriers;
        this.settings = settings;
        this.instance = instance;
    }

    Mono<ShipmentView> get(ShipmentScope scope, UUID shipmentId) {
        return db.sql("SELECT " + ShipmentRows.COLUMNS + " FROM shipments s WHERE s.id = :id" + scope.sql())
                .bind("id", shipmentId).bindValues(scope.bindings())
                .map(ShipmentRows::view).one()
                .switchIfEmpty(Mono.error(() -> ApiProblem.notFound("Shipment", shipmentId)));
    }

    /** The carton's shipment that is not voided (a voided one when that is all there is). */
    Mono<ShipmentView> ofCarton(ShipmentScope scope, UUID cartonId) {
        return db.sql("SELECT " + ShipmentRows.COLUMNS + " FROM shipments s WHERE s.carton_id = :carton" + scope.sql()
                        + " ORDER BY (s.status = 'voided'), s.created_at DESC LIMIT 1")
                .bind("carton", cartonId).bindValues(scope.bindings())
                .map(ShipmentRows::view).one()
                .switchIfEmpty(Mono.error(() -> ApiProblem.notFound("Shipment of carton", cartonId)));
    }

    /** Shipments oldest first, optionally of one status (the {@code label_failed} queue) or one order. */
    Mono<Page<ShipmentView>> list(ShipmentScope scope, String status, UUID orderId, Integer limit, String after) {
        if (status != null && !STATUSES.contains(status)) {
            return Mono.error(ApiProblem.invalid("status", "must be one of " + STATUSES.stream().sorted().toList()));
        }
        int size = Cursor.limit(limit);
        String key = Cursor.decode(after);
        OffsetDateTime afterAt = null;
        UUID afterId = null;
        if (!key.isEmpty()) {
            try {
                int comma = key.indexOf(',');
                afterAt = OffsetDateTime.parse(key.substring(0, comma));
                afterId = UUID.fromString(key.substring(comma + 1));
            } catch (RuntimeException e) {
                return Mono.error(ApiProblem.invalid("after", "is not a cursor this API gave out"));
            }
        }
        return db.sql("SELECT " + ShipmentRows.COLUMNS + " FROM shipments s WHERE TRUE" + scope.sql()
                        + (status == null ? "" : " AND s.status = :status")
                        + (orderId == null ? "" : " AND s.order_id = :order")
                        + " AND (CAST(:afterAt AS timestamptz) IS NULL OR (s.created_at, s.id) > (CAST(:afterAt AS timestamptz), CAST(:afterId AS uuid)))"
                        + " ORDER BY s.created_at, s.id LIMIT :limit")
                .bindValues(scope.bindings())
                .bindValues(status == null ? java.util.Map.of() : java.util.Map.of("status", status))
                .bindValues(orderId == null ? java.util.Map.of() : java.util.Map.of("order", orderId))
                .bind("afterAt", Params.nullable(afterAt, OffsetDateTime.class))
                .bind("afterId", Params.nullable(afterId, UUID.class))
                .bind("limit", size + 1)
                .map(ShipmentRows::view).all().collectList()
                .map(rows -> Page.of(rows, size, view -> view.createdAt().atOffset(java.time.ZoneOffset.UTC) + "," + view.id()));
    }

    /**
     * The stored label in the format asked for. Printing again (a reprint) hands out the same bytes:
     * nothing is bought, and the tracking number and SSCC stay the same.
     */
    Mono<LabelDocument> label(ShipmentScope scope, UUID shipmentId, Format format) {
        return get(scope, shipmentId).flatMap(shipment -> {
            if (!List.of(ShipmentView.LABELLED, ShipmentView.LOADED, ShipmentView.SHIPPED).contains(shipment.status())) {
                return Mono.error(ApiProblem.of(ProblemType.SHIPMENT_NOT_LABELLED, "Shipment " + shipment.sscc() + " is " + shipment.status()
                        + (shipment.failureReason() == null ? "" : " (" + shipment.failureReason() + ")") + "; it has no label to print"));
            }
            String column = format.name().toLowerCase(Locale.ROOT);
            return db.sql("SELECT " + column + " AS document FROM shipment_labels WHERE shipment_id = :id")
                    .bind("id", shipmentId).map(row -> row.get("document", byte[].class)).one()
                    .map(bytes -> new LabelDocument(format, bytes, shipment.sscc()));
        });
    }

    /**
     * Puts a failed purchase back to pending (claimed by this instance) and buys again after the
     * command commits. The stored references are kept when the outcome was unknown, so a label
     * bought meanwhile is found, not bought again.
     */
    Mono<ShipmentView> retry(ShipmentScope scope, UUID shipmentId) {
        return lock(scope, shipmentId).flatMap(shipment -> {
            if (!shipment.status().equals(ShipmentView.LABEL_FAILED)) {
                return Mono.error(ApiProblem.of(ProblemType.SHIPMENT_NOT_RETRYABLE, "Shipment " + shipment.sscc() + " is " + shipment.status()
                        + "; only a label_failed shipment is retried"));
            }
            return db.sql("""
                            UPDATE shipments SET status = 'label_pending', attempts = 0, claimed_by = :me,
                                   claimed_until = clock_timestamp() + CAST(:lease AS interval), updated_at = clock_timestamp()
                            WHERE id = :id
                            """)
                    .bind("id", shipmentId).bind("me", instance.id())
                    .bind("lease", settings.purchaseLease().toMillis() + " milliseconds")
                    .then()
                    .then(Commands.afterCommit(() -> purchases.buy(shipmentId).subscribe())
                            .onErrorResume(NoTransactionException.class, e -> Mono.fromRunnable(() -> purchases.buy(shipmentId).subscribe())))
                    .then(get(scope, shipmentId));
        });
    }

    /**
     * Voids the label at its carrier while the carton is still in the building (labelled, not yet
     * loaded). The row stays locked during the carrier's call, so a loading scan cannot slip in
     * between the carrier's yes and the status change.
     */
    Mono<ShipmentView> voidLabel(ShipmentScope scope, UUID shipmentId) {
        return lock(scope, shipmentId).flatMap(shipment -> {
            if (!shipment.status().equals(ShipmentView.LABELLED)) {
                String why = switch (shipment.status()) {
                    case ShipmentView.LOADED -> "it is on a trailer; take it off the load first";
                    case ShipmentView.SHIPPED -> "the carrier has picked it up";
                    case ShipmentView.VOIDED -> "it is voided already";
                    default -> "it has no label";
                };
                return Mono.error(ApiProblem.of(ProblemType.SHIPMENT_NOT_VOIDABLE, "Shipment " + shipment.sscc() + " is "
                        + shipment.status() + ": " + why));
            }
            return handle(shipmentId).flatMap(purchase -> carriers.forPurchase(LabelPurchases.integration(shipment.carrier()), purchase.accountId())
                    .switchIfEmpty(Mono.error(() -> ApiProblem.of(ProblemType.CARRIER_REFUSED_VOID, "The carrier " + shipment.carrier()
                            + " of shipment " + shipment.sscc() + " is no longer configured")))
                    .flatMap(carrier -> Mono.fromCompletionStage(() -> carrier.cancel(purchase.handle())))
                    .onErrorMap(CarrierUnavailableException.class, e -> ApiProblem.of(ProblemType.CARRIER_UNAVAILABLE,
                            "The carrier did not answer the void of " + shipment.sscc() + ": " + e.getMessage() + "; try again"))
                    .onErrorMap(CarrierException.class, e -> ApiProblem.of(ProblemType.CARRIER_REFUSED_VOID,
                            "The carrier refused to void " + shipment.sscc() + ": " + e.getMessage()))
                    .flatMap(result -> result.outcome() == CancellationResult.Outcome.REJECTED
                            ? Mono.error(ApiProblem.of(ProblemType.CARRIER_REFUSED_VOID, "The carrier refused to void " + shipment.sscc()
                                    + ": " + result.detail()))
                            : markVoided(shipment, result.detail())));
        });
    }

    /**
     * A new label for a carton whose label was voided: a new shipment with a new SSCC (an SSCC names one
     * shipment and is never reused), the carton's size and weight, bought after the command commits as
     * at carton close. The carton's shipments are locked first, so two relabels of one carton run one
     * after the other and the second finds the first's live shipment; the unique index on a carton's
     * live shipment backs that up. Refused while the carton has a live label (void it first) and when
     * its order may no longer ship (cancelled, on hold, shipped).
     */
    Mono<ShipmentView> relabel(ShipmentScope scope, UUID cartonId) {
        return db.sql("SELECT " + ShipmentRows.COLUMNS + " FROM shipments s WHERE s.carton_id = :carton" + scope.sql()
                        + " ORDER BY s.created_at DESC FOR UPDATE")
                .bind("carton", cartonId).bindValues(scope.bindings())
                .map(ShipmentRows::view).all().collectList()
                .flatMap(locked -> locked.isEmpty() ? Mono.error(ApiProblem.notFound("Shipment of carton", cartonId))
                        // A fresh statement: it sees a shipment a relabel that held the locks before us committed.
                        : db.sql("SELECT " + ShipmentRows.COLUMNS + " FROM shipments s WHERE s.carton_id = :carton AND s.status <> 'voided'")
                                .bind("carton", cartonId).map(ShipmentRows::view).all().collectList()
                                .flatMap(live -> live.isEmpty() ? Mono.just(locked.get(0)) : Mono.error(ApiProblem.of(
                                        ProblemType.CARTON_NOT_RELABELLABLE, "Carton " + cartonId + " has a live label (shipment "
                                                + live.get(0).sscc() + ", " + live.get(0).status() + "); void it before buying another"))))
                .flatMap(voided -> orders.lock(voided.merchantId(), voided.orderId()).flatMap(status -> status == OrderStatus.PICKED
                                || status == OrderStatus.PACKED ? Mono.just(voided)
                        : Mono.error(ApiProblem.of(ProblemType.CARTON_NOT_RELABELLABLE, "Order " + voided.orderNumber() + " is "
                                + status.db() + "; only a carton of an order still to ship is labelled again"))))
                .flatMap(voided -> dimensions(voided.id()).flatMap(size -> opening.open(new ShipmentOpening.Carton(cartonId,
                        voided.merchantId(), voided.nodeId(), voided.orderId(), voided.orderNumber(), voided.cartonNumber(),
                        size[0], size[1], size[2], voided.weightGrams()))))
                .flatMap(id -> get(scope, id));
    }

    private Mono<int[]> dimensions(UUID shipmentId) {
        return db.sql("SELECT length_mm, width_mm, height_mm FROM shipments WHERE id = :id").bind("id", shipmentId)
                .map(row -> new int[] {row.get("length_mm", Integer.class), row.get("width_mm", Integer.class), row.get("height_mm", Integer.class)})
                .one();
    }

    private Mono<ShipmentView> markVoided(ShipmentView shipment, String detail) {
        return db.sql("""
                        UPDATE shipments AS s SET status = 'voided', voided_at = clock_timestamp(), updated_at = clock_timestamp()
                        WHERE s.id = :id AND s.status = 'labelled'
                        RETURNING\s""" + ShipmentRows.COLUMNS)
                .bind("id", shipment.id()).map(ShipmentRows::view).one()
                .flatMap(voided -> outbox.append(voided.merchantId(), EventTypes.SHIPMENT_VOIDED, voided.id().toString(),
                        ShipmentEvents.voided(voided, detail, voided.voidedAt() == null ? Instant.now() : voided.voidedAt())).thenReturn(voided));
    }

    private record Purchase(UUID accountId, ShipmentHandle handle) {
    }

    private Mono<Purchase> handle(UUID shipmentId) {
        return db.sql("SELECT carrier_account_id, carrier_code, tracking_number, carrier_shipment_id FROM shipments WHERE id = :id")
                .bind("id", shipmentId)
                .map(row -> new Purchase(row.get("carrier_account_id", UUID.class), new ShipmentHandle(
                        new TrackingKey(row.get("carrier_code", String.class), row.get("tracking_number", String.class)),
                        row.get("carrier_shipment_id", String.class))))
                .one();
    }

    private Mono<ShipmentView> lock(ShipmentScope scope, UUID shipmentId) {
        return db.sql("SELECT " + ShipmentRows.COLUMNS + " FROM shipments s WHERE s.id = :id" + scope.sql() + " FOR UPDATE")
                .bind("id", shipmentId).bindValues(scope.bindings())
                .map(ShipmentRows::view).one()
                .switchIfEmpty(Mono.error(() -> ApiProblem.notFound("Shipment", shipmentId)));
    }
}
