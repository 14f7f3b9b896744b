package io.stowage.api.inventory;

import io.stowage.api.input.LineQuantity;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import io.stowage.api.access.Caller;
import io.stowage.api.access.WorkerRole;
import io.stowage.api.commands.CommandScope;
import io.stowage.api.commands.Commands;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** Scanner confirmations that move stock inside a node. Each needs an Idempotency-Key. */
@RestController
class StockMoveController {

    private final StockMoves moves;
    private final Commands commands;

    StockMoveController(StockMoves moves, Commands commands) {
        this.moves = moves;
        this.commands = commands;
    }

    record MoveRequest(
            UUID merchantId, String sku, String gtin, String lotNumber,
            @NotNull @Positive @Max(LineQuantity.MAX) Integer quantity,
            @NotBlank String fromLocationCode,
            @NotBlank String toLocationCode,
            StockStatus status,
            StockStatus toStatus) {
    }

    record AdjustmentRequest(
            UUID merchantId, String sku, String gtin, String lotNumber,
            @NotBlank String locationCode,
            @NotNull @Min(-LineQuantity.MAX) @Max(LineQuantity.MAX) Integer quantityChange,
            StockStatus status,
            @NotNull AdjustmentReason reason,
            String note) {
    }

    @PostMapping("/api/v1/moves")
    Mono<ResponseEntity<String>> move(@AuthenticationPrincipal Caller caller,
                                      @Valid @RequestBody MoveRequest request) {
        Caller.Worker worker = caller.asWorker();
        StockStatus from = request.status() == null ? StockStatus.AVAILABLE : request.status();
        StockStatus to = request.toStatus() == null ? from : request.toStatus();
        return commands.require(CommandScope.worker(worker), request, HttpStatus.CREATED,
                        () -> moves.move(worker, new StockMoves.MoveCommand(request.merchantId(), request.sku(), request.gtin(),
                                request.lotNumber(), request.quantity(), request.fromLocationCode(), request.toLocationCode(), from, to)));
    }

    @PostMapping("/api/v1/adjustments")
    Mono<ResponseEntity<String>> adjust(@AuthenticationPrincipal Caller caller,
                                        @Valid @RequestBody AdjustmentRequest request) {
        Caller.Worker supervisor = caller.asWorker(WorkerRole.SUPERVISOR);
        StockStatus status = request.status() == null ? StockStatus.AVAILABLE : request.status();
        return commands.require(CommandScope.worker(supervisor), request, HttpStatus.CREATED,
                        () -> moves.adjust(supervisor, new StockMoves.AdjustmentCommand(request.merchantId(), request.sku(), request.gtin(),
                                request.lotNumber(), request.locationCode(), request.quantityChange(), status, request.reason(), request.note())));
    }
}
