package io.stowage.api.packing;

import io.stowage.api.access.Caller;
import io.stowage.api.access.WorkerRole;
import io.stowage.api.commands.CommandScope;
import io.stowage.api.commands.Commands;
import io.stowage.api.input.LineQuantity;
import io.stowage.api.orders.OrderContents;
import io.stowage.api.paging.Page;
import io.stowage.api.problem.ApiProblem;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * The pack station: a packer (role {@code packer}) opens a session by scanning a tote or an order
 * number, opens cartons, scans each unit into one (with an Idempotency-Key: a retried scan must not
 * add the unit twice) and closes it with its box and weight. Merchants read their orders' cartons.
 */
@RestController
class PackingController {

    private final PackSessions sessions;
    private final CartonWork work;
    private final CartonClosing closing;
    private final Cartons cartons;
    private final OrderContents orders;
    private final PackShorts shorts;
    private final Commands commands;

    PackingController(PackSessions sessions, CartonWork work, CartonClosing closing, Cartons cartons, OrderContents orders, PackShorts shorts,
                      Commands commands) {
        this.sessions = sessions;
        this.work = work;
        this.closing = closing;
        this.cartons = cartons;
        this.orders = orders;
        this.shorts = shorts;
        this.commands = commands;
    }

    /** The station scanned, and either an order number or a tote of a picked batch (batch id and tote number). */
    record OpenSessionRequest(@NotBlank @Size(max = 100) String stationCode, UUID orderId, UUID batchId, @Positive Integer tote) {
    }

    record AddToSessionRequest(UUID orderId, UUID batchId, @Positive Integer tote) {
    }

    record OpenCartonRequest(@NotNull UUID orderId) {
    }

    record ScanRequest(@Size(max = 100) String sku, @Size(max = 20) String gtin, @Size(max = 100) String lotNumber,
                       @Positive @Max(LineQuantity.MAX) Integer quantity) {
    }

    record ShortRequest(@NotNull @Size(min = 1, max = 200) List<@NotNull @Valid ShortLine> lines) {
    }

    record ShortLine(@NotNull @Positive Integer lineNo, @NotNull @Positive @Max(LineQuantity.MAX) Integer quantity) {
    }

    record CloseCartonRequest(@Size(max = 100) String boxTypeCode, @Positive @Max(10_000) Integer lengthMm, @Positive @Max(10_000) Integer widthMm,
                              @Positive @Max(10_000) Integer heightMm, @NotNull @Positive @Max(1_000_000) Integer weightGrams) {
    }

    @PostMapping("/api/v1/pack-sessions")
    Mono<ResponseEntity<String>> open(@AuthenticationPrincipal Caller caller, @Valid @RequestBody OpenSessionRequest request) {
        Caller.Worker packer = caller.asWorker(WorkerRole.PACKER);
        requireOneScan(request.orderId(), request.batchId(), request.tote());
        return commands.run(CommandScope.worker(packer), request, HttpStatus.CREATED, () -> sessions.open(packer,
                new PackSessions.Opening(request.stationCode(), request.orderId(), request.batchId(), request.tote())));
    }

    /** Another tote or order number scanned onto the bench: its orders join the session. */
    @PostMapping("/api/v1/pack-sessions/{id}/orders")
    Mono<ResponseEntity<String>> add(@AuthenticationPrincipal Caller caller, @PathVariable UUID id, @Valid @RequestBody AddToSessionRequest request) {
        Caller.Worker packer = caller.asWorker(WorkerRole.PACKER);
        requireOneScan(request.orderId(), request.batchId(), request.tote());
        return commands.run(CommandScope.worker(packer), request, HttpStatus.OK, () -> sessions.add(packer, id,
                new PackSessions.Opening(null, request.orderId(), request.batchId(), request.tote())));
    }

    private static void requireOneScan(UUID orderId, UUID batchId, Integer tote) {
        boolean byOrder = orderId != null;
        boolean byTote = batchId != null || tote != null;
        if (byOrder == byTote || byTote && (batchId == null || tote == null)) {
            throw ApiProblem.invalid("order_id", "scan either an order number (order_id) or a tote (batch_id and tote)");
        }
    }

    /** The node's pack sessions, oldest first; {@code station_code}, {@code status} (open, closed) and {@code packer=me} narrow the list. */
    @GetMapping("/api/v1/pack-sessions")
    Mono<Page<PackSessionSummary>> list(@AuthenticationPrincipal Caller caller,
                                        @RequestParam(name = "station_code", required = false) String stationCode,
                                        @RequestParam(required = false) String status, @RequestParam(required = false) String packer,
                                        @RequestParam(required = false) Integer limit, @RequestParam(required = false) String after) {
        return sessions.list(caller.asWorker(WorkerRole.PACKER, WorkerRole.SUPERVISOR), stationCode, status, packer, limit, after);
    }

    @GetMapping("/api/v1/pack-sessions/{id}")
    Mono<PackSessionView> session(@AuthenticationPrincipal Caller caller, @PathVariable UUID id) {
        return sessions.view(caller.asWorker(), id);
    }

    @PostMapping("/api/v1/pack-sessions/{id}/close")
    Mono<ResponseEntity<String>> closeSession(@AuthenticationPrincipal Caller caller, @PathVariable UUID id) {
        Caller.Worker packer = caller.asWorker(WorkerRole.PACKER);
        return commands.run(CommandScope.worker(packer), null, HttpStatus.OK, () -> sessions.close(packer, id));
    }

    @PostMapping("/api/v1/pack-sessions/{id}/cartons")
    Mono<ResponseEntity<String>> openCarton(@AuthenticationPrincipal Caller caller, @PathVariable UUID id,
                                            @Valid @RequestBody OpenCartonRequest request) {
        Caller.Worker packer = caller.asWorker(WorkerRole.PACKER);
        return commands.run(CommandScope.worker(packer), request, HttpStatus.CREATED, () -> work.open(packer, id, request.orderId()));
    }

    @PostMapping("/api/v1/cartons/{id}/units")
    Mono<ResponseEntity<String>> scan(@AuthenticationPrincipal Caller caller, @PathVariable UUID id, @Valid @RequestBody ScanRequest request) {
        Caller.Worker packer = caller.asWorker(WorkerRole.PACKER);
        return commands.require(CommandScope.worker(packer), request, HttpStatus.OK, () -> work.scan(packer, id,
                new CartonWork.Scan(request.sku(), request.gtin(), request.lotNumber(), request.quantity() == null ? 1 : request.quantity())));
    }

    /** Units of the order the packer does not find: they go back to allocation (with an Idempotency-Key: a retry must not declare them twice). */
    @PostMapping("/api/v1/pack-sessions/{id}/orders/{orderId}/short")
    Mono<ResponseEntity<String>> declareShort(@AuthenticationPrincipal Caller caller, @PathVariable UUID id, @PathVariable UUID orderId,
                                              @Valid @RequestBody ShortRequest request) {
        Caller.Worker packer = caller.asWorker(WorkerRole.PACKER);
        return commands.require(CommandScope.worker(packer), request, HttpStatus.OK, () -> shorts.declare(packer, id, orderId,
                request.lines().stream().map(line -> new PackShorts.Short(line.lineNo(), line.quantity())).toList()));
    }

    @PostMapping("/api/v1/cartons/{id}/close")
    Mono<ResponseEntity<String>> closeCarton(@AuthenticationPrincipal Caller caller, @PathVariable UUID id,
                                             @Valid @RequestBody CloseCartonRequest request) {
        Caller.Worker packer = caller.asWorker(WorkerRole.PACKER);
        return commands.run(CommandScope.worker(packer), request, HttpStatus.OK, () -> closing.close(packer, id,
                new CartonClosing.Close(request.boxTypeCode(), request.lengthMm(), request.widthMm(), request.heightMm(), request.weightGrams())));
    }

    /** A supervisor accepts the weight of a carton waiting for a re-check: it closes as weighed. */
    @PostMapping("/api/v1/cartons/{id}/confirm-weight")
    Mono<ResponseEntity<String>> confirmWeight(@AuthenticationPrincipal Caller caller, @PathVariable UUID id) {
        Caller.Worker supervisor = caller.asWorker(WorkerRole.SUPERVISOR);
        return commands.run(CommandScope.worker(supervisor), null, HttpStatus.OK, () -> closing.confirmWeight(supervisor, id));
    }

    /** A carton: a worker sees those of their node, a merchant its own, the administrator any. */
    @GetMapping("/api/v1/cartons/{id}")
    Mono<CartonView> carton(@AuthenticationPrincipal Caller caller, @PathVariable UUID id) {
        Mono<CartonView> carton;
        if (caller instanceof Caller.Worker worker) {
            carton = cartons.byId(null, id).filter(view -> view.nodeId().equals(worker.nodeId()));
        } else if (caller instanceof Caller.Merchant merchant) {
            carton = cartons.byId(merchant.merchantId(), id);
        } else {
            carton = cartons.byId(null, id);
        }
        return carton.switchIfEmpty(Mono.error(() -> ApiProblem.notFound("Carton", id)));
    }

    /** The order's cartons, parcel 1 first; another merchant's order is not found. */
    @GetMapping("/api/v1/orders/{id}/cartons")
    Mono<List<CartonView>> ofOrder(@AuthenticationPrincipal Caller caller, @PathVariable UUID id) {
        UUID merchantId = caller instanceof Caller.Admin ? null : caller.asMerchant().merchantId();
        return orders.of(id)
                .filter(order -> merchantId == null || order.merchantId().equals(merchantId))
                .switchIfEmpty(Mono.error(() -> ApiProblem.notFound("Order", id)))
                .flatMap(order -> cartons.ofOrder(id).collectList());
    }
}
