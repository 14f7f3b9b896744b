package io.stowage.api.billing;

import io.stowage.api.boxes.BoxSuggestions;
import io.stowage.api.boxes.BoxType;
import io.stowage.api.counts.RequestedCounts;
import io.stowage.api.inbound.ReceivedHandlingUnits;
import io.stowage.api.inventory.LedgerHistory;
import io.stowage.api.inventory.MovementKind;
import io.stowage.api.packing.ClosedCartons;
import io.stowage.api.picking.PickedOrders;
import io.stowage.api.problem.ApiProblem;
import io.stowage.api.returns.ReturnLabelCosts;
import io.stowage.api.returns.ReturnedItems;
import io.stowage.api.shipping.ShipmentCosts;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Every charge of a merchant whose cause is dated in [from, to), read from what the owners recorded
 * through their published queries (ledger movements, received cartons and pallets, picked orders,
 * closed cartons, bought labels and return labels, graded returns, approved counts the merchant asked for)
 * and billing's own storage snapshots and manual charges, priced by {@link ChargeRules}. Nothing
 * here is typed twice: a charge exists because its cause does.
 */
@Service
class ChargeSources {

    static final Comparator<Charge> INVOICE_ORDER = Comparator.<Charge>comparingInt(charge -> ChargeKind.of(charge.kind()).ordinal())
            .thenComparing(Charge::occurredOn).thenComparing(Charge::causeId);

    private final LedgerHistory ledger;
    private final PickedOrders pickedOrders;
    private final ClosedCartons closedCartons;
    private final ShipmentCosts shipmentCosts;
    private final BoxSuggestions boxes;
    private final StorageSnapshots storage;
    private final ManualCharges manualCharges;
    private final ReceivedHandlingUnits handlingUnits;
    private final ReturnedItems returnedItems;
    private final RequestedCounts requestedCounts;
    private final ReturnLabelCosts returnLabels;

    ChargeSources(LedgerHistory ledger, PickedOrders pickedOrders, ClosedCartons closedCartons, ShipmentCosts shipmentCosts, BoxSuggestions boxes,
                  StorageSnapshots storage, ManualCharges manualCharges, ReceivedHandlingUnits handlingUnits, ReturnedItems returnedItems,
                  RequestedCounts requestedCounts, ReturnLabelCosts returnLabels) {
        this.ledger = ledger;
        this.pickedOrders = pickedOrders;
        this.closedCartons = closedCartons;
        this.shipmentCosts = shipmentCosts;
        this.boxes = boxes;
        this.storage = storage;
        this.manualCharges = manualCharges;
        this.handlingUnits = handlingUnits;
        this.returnedItems = returnedItems;
        this.requestedCounts = requestedCounts;
        this.returnLabels = returnLabels;
    }

    /** The priced charges dated in [from, to), in invoice order (kind, date, cause). */
    Mono<List<Charge>> between(UUID merchantId, ChargeRules rules, LocalDate from, LocalDate to) {
        Instant start = from.atStartOfDay().toInstant(ZoneOffset.UTC);
        Instant end = to.atStartOfDay().toInstant(ZoneOffset.UTC);
        // One after the other: inside a transaction every query shares one connection, and PostgreSQL
        // answers one query at a time on it anyway. Running them at once (Mono.zip) over one R2DBC
        // connection stalled the connection with results of a hundred thousand rows each.
        return ledger.movements(merchantId, List.of(MovementKind.RECEIPT, MovementKind.PUTAWAY), start, end).collectList()
                .map(rules::movements)
                .flatMap(charges -> handlingUnits.firstReceivedBetween(merchantId, start, end).collectList()
                        .map(units -> append(charges, rules.handlingUnits(units))))
                .flatMap(charges -> pickedOrders.firstPickedBetween(merchantId, start, end).collectList()
                        .map(picks -> append(charges, rules.picks(picks))))
                .flatMap(charges -> closedCartons.closedBetween(merchantId, start, end).collectList()
                        .flatMap(cartons -> boxTypes(merchantId, cartons).map(boxTypes -> append(charges, rules.cartons(cartons, boxTypes)))))
                .flatMap(charges -> shipmentCosts.labelledBetween(merchantId, start, end).collectList()
                        .map(labels -> append(charges, rules.shipments(labels))))
                .flatMap(charges -> returnLabels.boughtBetween(merchantId, start, end).collectList()
                        .map(labels -> append(charges, rules.returnLabels(labels))))
                .flatMap(charges -> returnedItems.receivedBetween(merchantId, start, end).collectList()
                        .map(items -> append(charges, rules.returns(items))))
                .flatMap(charges -> requestedCounts.approvedBetween(merchantId, start, end).collectList()
                        .map(counts -> append(charges, rules.counts(counts))))
                .flatMap(charges -> storage.days(merchantId, from, to).map(days -> append(charges, rules.storage(days))))
                .flatMap(charges -> manualCharges.between(merchantId, from, to).map(manual -> append(charges, rules.manual(manual))))
                .map(charges -> {
                    charges.sort(INVOICE_ORDER);
                    return charges;
                });
    }

    /**
     * The causes that can be dated further back than the month before the invoice's (a manual charge
     * the admin dates back, a storage day the snapshot job caught up late), dated in [from, to): the
     * other causes are dated when they are recorded, so the late-event rule's one month reaches them.
     */
    Mono<List<Charge>> backDatable(UUID merchantId, ChargeRules rules, LocalDate from, LocalDate to) {
        if (!from.isBefore(to)) {
            return Mono.just(new ArrayList<>());
        }
        return storage.days(merchantId, from, to).map(rules::storage)
                .flatMap(charges -> manualCharges.between(merchantId, from, to).map(manual -> append(charges, rules.manual(manual))));
    }

    /** The cause types {@link #backDatable} reads. */
    static final List<String> BACK_DATABLE_CAUSES = List.of("storage_day", "manual_charge");

    private static List<Charge> append(List<Charge> charges, List<Charge> more) {
        List<Charge> all = charges instanceof ArrayList<Charge> list ? list : new ArrayList<>(charges);
        all.addAll(more);
        return all;
    }

    /** The box types the cartons were packed in, one look-up per code; a code no longer known is not charged. */
    private Mono<Map<String, BoxType>> boxTypes(UUID merchantId, List<ClosedCartons.ClosedCarton> cartons) {
        return Flux.fromStream(cartons.stream().map(ClosedCartons.ClosedCarton::boxTypeCode).filter(Objects::nonNull).distinct())
                .concatMap(code -> boxes.boxType(merchantId, code).onErrorResume(ApiProblem.class, e -> Mono.empty()))
                .collectMap(BoxType::code);
    }
}
