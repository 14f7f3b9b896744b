package io.stowage.api.returns;

import io.stowage.api.access.Caller;
import io.stowage.api.catalog.VariantRef;
import io.stowage.api.catalog.Variants;
import io.stowage.api.inventory.Movement;
import io.stowage.api.inventory.MovementKind;
import io.stowage.api.inventory.StockLedger;
import io.stowage.api.inventory.StockStatus;
import io.stowage.api.network.LocationRef;
import io.stowage.api.network.Network;
import io.stowage.api.outbox.Outbox;
import io.stowage.api.problem.ApiProblem;
import io.stowage.api.problem.ProblemType;
import io.stowage.api.webhooks.EventTypes;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The returns station: a worker of the node the return comes back to receives its units, each graded.
 * Every unit goes through the ledger: restocked units to sellable stock (so waiting backorders and
 * back-in-stock shoppers are served), refurbish to damaged and quarantine to quarantined stock at
 * the location given, and disposed units in and straight out again, so the books show they came and
 * went. One receipt takes the whole parcel; then {@code return.received} tells the merchant, with
 * the grades and the photos' URLs, so that they can refund.
 */
@Service
class ReturnStation {

    enum Grade {
        RESTOCK, REFURBISH, QUARANTINE, DISPOSE;

        String db() {
            return name().toLowerCase(Locale.ROOT);
        }

        static Grade parse(String value) {
            return valueOf(value.toUpperCase(Locale.ROOT));
        }

        /** The status the units are booked in as; disposed units are booked in damaged and written off. */
        StockStatus status() {
            return switch (this) {
                case RESTOCK -> StockStatus.AVAILABLE;
                case QUARANTINE -> StockStatus.QUARANTINE;
                case REFURBISH, DISPOSE -> StockStatus.DAMAGED;
            };
        }
    }

    /** Units scanned at the station: what was scanned (SKU or GTIN), how many, the grade, and where they go if not the receipt's location. */
    record Scanned(String item, int quantity, Grade grade, String locationCode) {
    }

    private final DatabaseClient db;
    private final ReturnReads reads;
    private final Variants variants;
    private final Network network;
    private final StockLedger ledger;
    private final Outbox outbox;

    ReturnStation(DatabaseClient db, ReturnReads reads, Variants variants, Network network, StockLedger ledger, Outbox outbox) {
        this.db = db;
        this.reads = reads;
        this.variants = variants;
        this.network = network;
        this.ledger = ledger;
        this.outbox = outbox;
    }

    /** Receives the return whole, in the caller's transaction; a problem with nothing changed when a scan does not fit the return. */
    Mono<ReturnView> receive(Caller.Worker worker, UUID returnId, String locationCode, List<Scanned> scans) {
        return reads.atNode(worker.nodeId(), returnId)
                // Locked, so that two workers cannot receive the same parcel twice.
                .flatMap(header -> db.sql("SELECT status FROM returns WHERE id = :id FOR UPDATE").bind("id", header.id())
                        .map(row -> row.get("status", String.class)).one()
                        .flatMap(status -> "received".equals(status)
                                ? Mono.error(ApiProblem.of(ProblemType.RETURN_ALREADY_RECEIVED, "Return " + header.rma() + " was already received"))
                                : lines(returnId).flatMap(lines -> resolve(header, lines, scans))
                                        .flatMap(resolved -> Flux.fromIterable(resolved)
                                                .concatMap(r -> book(worker, header, r, locationCode))
                                                .then())
                                        .then(db.sql("""
                                                        UPDATE returns SET status = 'received', received_at = clock_timestamp(), received_by = :by
                                                        WHERE id = :id
                                                        """)
                                                .bind("by", worker.actor()).bind("id", returnId).then())
                                        .then(reads.view(returnId))
                                        .flatMap(view -> outbox.append(header.merchantId(), EventTypes.RETURN_RECEIVED, view.id().toString(),
                                                receivedPayload(view)).thenReturn(view))));
    }

    private record Line(int lineNo, UUID variantId, String sku, int quantity) {
    }

    private record Resolved(Scanned scan, Line line) {
    }

    private Mono<List<Line>> lines(UUID returnId) {
        return db.sql("SELECT line_no, variant_id, sku, quantity FROM return_lines WHERE return_id = :id ORDER BY line_no")
                .bind("id", returnId)
                .map(row -> new Line(row.get("line_no", Integer.class), row.get("variant_id", UUID.class), row.get("sku", String.class),
                        row.get("quantity", Integer.class)))
                .all().collectList();
    }

    /** Each scan matched to a line of the return; no line may receive more units than it has. */
    private Mono<List<Resolved>> resolve(ReturnReads.Header header, List<Line> lines, List<Scanned> scans) {
        return Flux.fromIterable(scans).concatMap(scan -> variant(header.merchantId(), scan.item())
                        .collectList()
                        .flatMap(found -> {
                            for (Line line : lines) {
                                if (found.stream().anyMatch(v -> v.id().equals(line.variantId()))) {
                                    return Mono.just(new Resolved(scan, line));
                                }
                            }
                            return Mono.error(ApiProblem.of(ProblemType.ITEM_NOT_IN_RETURN, scan.item() + " is not in return " + header.rma()));
                        }))
                .collectList()
                .flatMap(resolved -> {
                    Map<Integer, Integer> units = new HashMap<>();
                    for (Resolved r : resolved) {
                        int total = units.merge(r.line().lineNo(), r.scan().quantity(), Integer::sum);
                        if (total > r.line().quantity()) {
                            return Mono.error(ApiProblem.of(ProblemType.ONE_TOO_MANY, "Return " + header.rma() + " has " + r.line().quantity()
                                    + " unit(s) of " + r.line().sku() + ", not " + total));
                        }
                    }
                    return Mono.just(resolved);
                });
    }

    /** The merchant's variants a scan names: a GTIN (8 to 14 digits) or a SKU. */
    private Flux<VariantRef> variant(UUID merchantId, String scanned) {
        String code = scanned.trim();
        if (code.matches("\\d{8}|\\d{12,14}")) {
            String gtin14 = "0".repeat(14 - code.length()) + code;
            return variants.bySkuOrGtin(merchantId, null, gtin14).concatWith(variants.bySkuOrGtin(merchantId, code, null));
        }
        return variants.bySkuOrGtin(merchantId, code, null);
    }

    private Mono<Void> book(Caller.Worker worker, ReturnReads.Header header, Resolved r, String receiptLocation) {
        String code = r.scan().locationCode() == null ? receiptLocation : r.scan().locationCode();
        Grade grade = r.scan().grade();
        int quantity = r.scan().quantity();
        String reason = "return " + header.rma() + " graded " + grade.db();
        return network.scannedLocation(worker.nodeId(), "location_code", code).flatMap(location -> {
            Mono<Long> in = ledger.post(new Movement(header.merchantId(), worker.nodeId(), r.line().variantId(), null, MovementKind.RETURN_RECEIPT,
                    quantity, null, null, location.id(), grade.status(), reason, "return", header.id().toString(), worker.actor(), worker.deviceId()));
            Mono<Long> out = grade != Grade.DISPOSE ? Mono.empty()
                    : ledger.post(new Movement(header.merchantId(), worker.nodeId(), r.line().variantId(), null, MovementKind.RETURN_DISPOSAL,
                            quantity, location.id(), StockStatus.DAMAGED, null, null, reason, "return", header.id().toString(), worker.actor(),
                            worker.deviceId()));
            return in.then(out).then(grade(worker, header, r, location));
        });
    }

    private Mono<Void> grade(Caller.Worker worker, ReturnReads.Header header, Resolved r, LocationRef location) {
        return db.sql("""
                        INSERT INTO return_grades (return_id, line_no, merchant_id, variant_id, quantity, grade, location_id, location_code, graded_by)
                        VALUES (:return, :line, :merchant, :variant, :qty, :grade, :location, :code, :by)
                        """)
                .bind("return", header.id()).bind("line", r.line().lineNo()).bind("merchant", header.merchantId())
                .bind("variant", r.line().variantId()).bind("qty", r.scan().quantity()).bind("grade", r.scan().grade().db())
                .bind("location", location.id()).bind("code", location.code()).bind("by", worker.actor())
                .then()
                .then(db.sql("UPDATE return_lines SET received = received + :qty WHERE return_id = :return AND line_no = :line")
                        .bind("qty", r.scan().quantity()).bind("return", header.id()).bind("line", r.line().lineNo()).then());
    }

    private static Map<String, Object> receivedPayload(ReturnView view) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("return_id", view.id());
        payload.put("rma", view.rma());
        payload.put("order_id", view.orderId());
        payload.put("received_at", view.receivedAt().toInstant().toString());
        payload.put("items", view.grades().stream().map(grade -> Map.<String, Object>of(
                "sku", grade.sku(), "quantity", grade.quantity(), "grade", grade.grade())).toList());
        payload.put("photos", view.photos().stream().map(ReturnView.ReturnPhoto::url).toList());
        if (view.exchangeOrderId() != null) {
            payload.put("exchange_order_id", view.exchangeOrderId());
        }
        // The label it came back on: its carrier counts the warehouse's receipt as its delivery (the sandbox does).
        if (view.label() != null) {
            payload.put("label", Map.of("carrier", view.label().carrier(), "tracking_number", view.label().trackingNumber()));
        }
        return payload;
    }
}
