package io.stowage.api.inbound;

import io.stowage.api.access.Caller;
import io.stowage.api.catalog.VariantRef;
import io.stowage.api.database.Params;
import io.stowage.api.inventory.Movement;
import io.stowage.api.inventory.MovementKind;
import io.stowage.api.inventory.StockLedger;
import io.stowage.api.inventory.StockRefs;
import io.stowage.api.inventory.StockStatus;
import io.stowage.api.problem.ApiProblem;
import io.stowage.api.problem.ProblemType;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * Receiving at the dock, against an ASN or blind. Units are booked into the scanned location in
 * the ledger and the ASN line counts them; the answer tells the worker where to put them away.
 */
@Service
public class Receiving {

    private final DatabaseClient db;
    private final StockRefs refs;
    private final StockLedger ledger;
    private final Putaway putaway;
    private final ReceivedHandlingUnits handlingUnits;

    public Receiving(DatabaseClient db, StockRefs refs, StockLedger ledger, Putaway putaway, ReceivedHandlingUnits handlingUnits) {
        this.db = db;
        this.refs = refs;
        this.ledger = ledger;
        this.putaway = putaway;
        this.handlingUnits = handlingUnits;
    }

    /**
     * @param cartonCode the label of the carton the units came in (an SSCC's 18 digits or the shipper's number), null when not scanned
     * @param palletCode the label of the pallet they came on, likewise
     */
    public record ReceiveCommand(UUID asnId, UUID merchantId, String sku, String gtin, int quantity, String lotNumber,
                                 LocalDate expiresOn, String locationCode, StockStatus status, String cartonCode, String palletCode) {
    }

    public record Receipt(long movementId, String sku, int quantity, String lotNumber, String locationCode, String status,
                          AsnProgress asn, Putaway.Suggestion suggestedPutaway, String cartonCode, String palletCode) {
    }

    public record AsnProgress(String reference, int lineNo, int expectedQuantity, int receivedQuantity, boolean overReceived) {
    }

    private record AsnHeader(UUID id, UUID merchantId, UUID nodeId, String reference, String status) {
    }

    /** Runs inside the caller's transaction. */
    public Mono<Receipt> receive(Caller.Worker worker, ReceiveCommand command) {
        Mono<Optional<AsnHeader>> asn = command.asnId() == null ? Mono.just(Optional.empty()) : asnHeader(worker, command.asnId()).map(Optional::of);
        return refs.location(worker.nodeId(), "location_code", command.locationCode())
                .flatMap(location -> asn.flatMap(header -> {
                    UUID merchantId = header.map(AsnHeader::merchantId).orElse(command.merchantId());
                    return refs.variant(merchantId, command.sku(), command.gtin())
                            .flatMap(variant -> refs.lot(variant, command.lotNumber(), command.expiresOn(), true).map(Optional::of)
                                    .defaultIfEmpty(Optional.empty())
                                    .flatMap(lot -> {
                                        Movement movement = new Movement(variant.merchantId(), worker.nodeId(), variant.id(), lot.orElse(null),
                                                MovementKind.RECEIPT, command.quantity(), null, null, location.id(), command.status(),
                                                null, header.isPresent() ? "asn" : "blind_receipt",
                                                header.map(h -> h.reference()).orElse(null), worker.actor(), worker.deviceId());
                                        Mono<Optional<AsnProgress>> progress = header.isEmpty() ? Mono.just(Optional.empty())
                                                : countOnAsn(header.get(), variant, command).map(Optional::of);
                                        UUID asnId = header.map(AsnHeader::id).orElse(null);
                                        return progress.flatMap(p -> ledger.post(movement)
                                                .flatMap(id -> handlingUnits.record(variant.merchantId(), worker.nodeId(), "carton", command.cartonCode(), asnId, id)
                                                        .then(handlingUnits.record(variant.merchantId(), worker.nodeId(), "pallet", command.palletCode(), asnId, id))
                                                        .then(putaway.suggest(worker.nodeId(), variant.id(), location.id()))
                                                        .map(Optional::of).defaultIfEmpty(Optional.empty())
                                                        .map(suggestion -> new Receipt(id, variant.sku(), command.quantity(), command.lotNumber(),
                                                                location.code(), command.status().db(), p.orElse(null), suggestion.orElse(null),
                                                                command.cartonCode(), command.palletCode()))));
                                    }));
                }));
    }

    private Mono<AsnHeader> asnHeader(Caller.Worker worker, UUID asnId) {
        return db.sql("SELECT id, merchant_id, node_id, reference, status FROM asns WHERE id = :id FOR UPDATE")
                .bind("id", asnId)
                .map(row -> new AsnHeader(row.get("id", UUID.class), row.get("merchant_id", UUID.class), row.get("node_id", UUID.class),
                        row.get("reference", String.class), row.get("status", String.class)))
                .one()
                .switchIfEmpty(Mono.error(() -> ApiProblem.invalid("asn_id", "no ASN has the id " + asnId)))
                .flatMap(header -> {
                    if (!header.nodeId().equals(worker.nodeId())) {
                        return Mono.error(ApiProblem.invalid("asn_id", "ASN " + header.reference() + " is expected at another warehouse"));
                    }
                    if ("closed".equals(header.status())) {
                        return Mono.error(ApiProblem.of(ProblemType.ASN_CLOSED, "ASN " + header.reference() + " is closed; receive blind or ask the merchant to reopen it"));
                    }
                    return Mono.just(header);
                });
    }

    /** Counts the units on the first line of this variant (and lot, when the line names one) that still expects some. */
    private Mono<AsnProgress> countOnAsn(AsnHeader header, VariantRef variant, ReceiveCommand command) {
        return db.sql("""
                        UPDATE asn_lines SET received_quantity = received_quantity + :qty
                        WHERE asn_id = :asn AND line_no = (
                            SELECT line_no FROM asn_lines
                            WHERE asn_id = :asn AND variant_id = :variant
                              AND (lot_number IS NULL OR lot_number = CAST(:lot AS text))
                            ORDER BY (received_quantity >= expected_quantity), line_no
                            LIMIT 1)
                        RETURNING line_no, expected_quantity, received_quantity
                        """)
                .bind("qty", command.quantity()).bind("asn", header.id()).bind("variant", variant.id())
                .bind("lot", Params.nullable(command.lotNumber(), String.class))
                .map(row -> new AsnProgress(header.reference(), row.get("line_no", Integer.class), row.get("expected_quantity", Integer.class),
                        row.get("received_quantity", Integer.class),
                        row.get("received_quantity", Integer.class) > row.get("expected_quantity", Integer.class)))
                .one()
                .switchIfEmpty(Mono.error(() -> ApiProblem.invalid("sku", variant.sku()
                        + (command.lotNumber() == null ? "" : " lot " + command.lotNumber()) + " is not on ASN " + header.reference()
                        + "; receive it blind")))
                .flatMap(progress -> db.sql("UPDATE asns SET status = 'receiving' WHERE id = :id AND status = 'open'")
                        .bind("id", header.id()).then().thenReturn(progress));
    }
}
