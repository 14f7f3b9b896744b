package io.stowage.api.picking;

import io.stowage.api.access.Caller;
import io.stowage.api.inventory.AdjustmentReason;
import io.stowage.api.inventory.Movement;
import io.stowage.api.inventory.MovementKind;
import io.stowage.api.inventory.Reservations;
import io.stowage.api.inventory.ShelfStock;
import io.stowage.api.inventory.StockLedger;
import io.stowage.api.inventory.StockStatus;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Units the books show at a location that a worker sent there did not find. The worker took
 * everything the shelf held, so whatever the books still show there is missing: it is written off
 * to investigate, as far as the node's unreserved units allow, so that units other orders were
 * promised stay booked until a count settles them. Short picks and short replenishments both end
 * here. A put-back is the exception: a pack station holds other orders' units too, so only the
 * units its task was short of are missing there. Runs in the caller's transaction, with the
 * variant's level locked.
 */
@Component
class MissingUnits {

    /** How a shortage was found: the ledger kind and reason of its write-off, and the task type it refers to. */
    enum Finding {
        PICK(MovementKind.SHORT_PICK, AdjustmentReason.SHORT_PICK, "pick_task"),
        REPLENISHMENT(MovementKind.SHORT_REPLENISHMENT, AdjustmentReason.SHORT_REPLENISHMENT, "replenishment_task"),
        PUT_BACK(MovementKind.SHORT_PUT_BACK, AdjustmentReason.SHORT_PUT_BACK, "put_back_task");

        private final MovementKind kind;
        private final AdjustmentReason reason;
        private final String referenceType;

        Finding(MovementKind kind, AdjustmentReason reason, String referenceType) {
            this.kind = kind;
            this.reason = reason;
            this.referenceType = referenceType;
        }

        /** What the ledger names the task that found the shortage, and that moved its units. */
        String referenceType() {
            return referenceType;
        }
    }

    /**
     * Where units of a variant and lot were missing, and the task whose worker found out; at most
     * {@code atMost} of them when the location is known to hold units the worker was not sent for.
     */
    record Shortage(Finding finding, UUID taskId, UUID merchantId, UUID nodeId, UUID variantId, UUID lotKey, UUID locationId, int atMost) {

        /** The worker took everything the location held: whatever the books show there is missing. */
        static final int ALL_THERE = Integer.MAX_VALUE;
    }

    private final StockLedger ledger;
    private final ShelfStock shelves;
    private final Reservations levels;

    MissingUnits(StockLedger ledger, ShelfStock shelves, Reservations levels) {
        this.ledger = ledger;
        this.shelves = shelves;
        this.levels = levels;
    }

    /** Writes off what the books still show at the location, up to the shortage's limit; returns the units written off. */
    Mono<Integer> writeOff(Caller.Worker worker, Shortage shortage) {
        Mono<Integer> atLocation = shelves.availableAt(shortage.locationId(), shortage.variantId(), shortage.lotKey());
        Mono<Integer> unreserved = levels.read(shortage.merchantId(), List.of(shortage.variantId()), List.of(shortage.nodeId()))
                .map(Reservations.Level::available)
                .reduce(0, Integer::sum);
        // one after the other: both run on the caller's transaction's connection
        return atLocation.flatMap(there -> unreserved.map(free -> Math.min(shortage.atMost(), Math.min(there, free))))
                .flatMap(units -> units <= 0 ? Mono.just(0)
                        : ledger.post(new Movement(shortage.merchantId(), shortage.nodeId(), shortage.variantId(),
                                        StockLedger.NO_LOT.equals(shortage.lotKey()) ? null : shortage.lotKey(), shortage.finding().kind,
                                        units, shortage.locationId(), StockStatus.AVAILABLE, null, null, shortage.finding().reason.db(),
                                        shortage.finding().referenceType, shortage.taskId().toString(), worker.actor(), worker.deviceId()))
                                .thenReturn(units));
    }
}
