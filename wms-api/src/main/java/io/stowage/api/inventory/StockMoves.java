package io.stowage.api.inventory;

import io.stowage.api.access.Caller;
import io.stowage.api.problem.ApiProblem;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/** Moving units between locations of a node, and the supervisor's adjustments with a reason. */
@Service
public class StockMoves {

    private final StockRefs refs;
    private final StockLedger ledger;

    public StockMoves(StockRefs refs, StockLedger ledger) {
        this.refs = refs;
        this.ledger = ledger;
    }

    public record MoveCommand(UUID merchantId, String sku, String gtin, String lotNumber, int quantity,
                              String fromLocationCode, String toLocationCode, StockStatus status, StockStatus toStatus) {
    }

    public record MoveResult(long movementId, String kind, String sku, int quantity, String fromLocationCode, String toLocationCode,
                             String status) {
    }

    public record AdjustmentCommand(UUID merchantId, String sku, String gtin, String lotNumber, String locationCode,
                                    int quantityChange, StockStatus status, AdjustmentReason reason, String note) {
    }

    public record AdjustmentResult(long movementId, String sku, String locationCode, int quantityChange, String reason) {
    }

    /** Moves units; a move off a dock or staging location is a putaway. Runs inside the caller's transaction. */
    public Mono<MoveResult> move(Caller.Worker worker, MoveCommand command) {
        if (command.fromLocationCode().equals(command.toLocationCode()) && command.toStatus() == command.status()) {
            return Mono.error(ApiProblem.invalid("to_location_code", "is the same location as from_location_code"));
        }
        return refs.location(worker.nodeId(), "from_location_code", command.fromLocationCode())
                .zipWith(refs.location(worker.nodeId(), "to_location_code", command.toLocationCode()))
                .flatMap(locations -> refs.variant(command.merchantId(), command.sku(), command.gtin(), locations.getT1().id())
                        .flatMap(variant -> refs.lot(variant, command.lotNumber(), null, false).map(Optional::of)
                                .defaultIfEmpty(Optional.empty())
                                .flatMap(lot -> {
                                    MovementKind kind = command.toStatus() != command.status() ? MovementKind.STATUS_CHANGE
                                            : isInbound(locations.getT1().type()) ? MovementKind.PUTAWAY : MovementKind.MOVE;
                                    Movement movement = new Movement(variant.merchantId(), worker.nodeId(), variant.id(), lot.orElse(null),
                                            kind, command.quantity(), locations.getT1().id(), command.status(), locations.getT2().id(),
                                            command.toStatus(), null, null, null, worker.actor(), worker.deviceId());
                                    return ledger.post(movement).map(id -> new MoveResult(id, kind.db(), variant.sku(), command.quantity(),
                                            locations.getT1().code(), locations.getT2().code(), command.toStatus().db()));
                                })));
    }

    /** Books found units in or lost units out, always with a reason. Runs inside the caller's transaction. */
    public Mono<AdjustmentResult> adjust(Caller.Worker supervisor, AdjustmentCommand command) {
        if (command.quantityChange() == 0) {
            return Mono.error(ApiProblem.invalid("quantity_change", "must not be zero"));
        }
        return refs.location(supervisor.nodeId(), "location_code", command.locationCode())
                .flatMap(location -> refs.variant(command.merchantId(), command.sku(), command.gtin(), location.id())
                        .flatMap(variant -> refs.lot(variant, command.lotNumber(), null, command.quantityChange() > 0)
                                .map(Optional::of).defaultIfEmpty(Optional.empty())
                                .flatMap(lot -> {
                                    boolean in = command.quantityChange() > 0;
                                    int quantity = Math.abs(command.quantityChange());
                                    Movement movement = new Movement(variant.merchantId(), supervisor.nodeId(), variant.id(), lot.orElse(null),
                                            MovementKind.ADJUSTMENT, quantity,
                                            in ? null : location.id(), in ? null : command.status(),
                                            in ? location.id() : null, in ? command.status() : null,
                                            command.reason().db() + (command.note() == null ? "" : ": " + command.note()),
                                            null, null, supervisor.actor(), supervisor.deviceId());
                                    return ledger.post(movement).map(id -> new AdjustmentResult(id, variant.sku(), location.code(),
                                            command.quantityChange(), command.reason().db()));
                                })));
    }

    private static boolean isInbound(String locationType) {
        return "dock".equals(locationType) || "staging".equals(locationType);
    }
}
