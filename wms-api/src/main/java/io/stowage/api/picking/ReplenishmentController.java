package io.stowage.api.picking;

import io.stowage.api.access.Caller;
import io.stowage.api.access.WorkerRole;
import io.stowage.api.idempotency.Idempotency;
import io.stowage.api.inventory.Transactions;
import io.stowage.api.paging.Page;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * Replenishment tasks of the worker's node: pickers, receivers and supervisors carry them out, and
 * confirm each with the scans of the reserve location, the product and the face, and the units moved
 * (with an Idempotency-Key).
 */
@RestController
class ReplenishmentController {

    private final Replenishments replenishments;
    private final Idempotency idempotency;

    ReplenishmentController(Replenishments replenishments, Idempotency idempotency) {
        this.replenishments = replenishments;
        this.idempotency = idempotency;
    }

    record ConfirmRequest(@NotBlank String fromLocationCode, String sku, String gtin, @NotBlank String toLocationCode,
                          @NotNull @Min(0) Integer quantity) {
    }

    @GetMapping("/api/v1/replenishment-tasks")
    Mono<Page<ReplenishmentTaskView>> list(@AuthenticationPrincipal Caller caller, @RequestParam(required = false) String status,
                                           @RequestParam(required = false) Integer limit, @RequestParam(required = false) String after) {
        return replenishments.list(caller.asWorker(), status, limit, after);
    }

    @PostMapping("/api/v1/replenishment-tasks/{id}/confirm")
    Mono<ResponseEntity<String>> confirm(@AuthenticationPrincipal Caller caller, @PathVariable UUID id,
                                         @RequestHeader(name = Idempotency.HEADER, required = false) String key,
                                         @Valid @RequestBody ConfirmRequest request) {
        Caller.Worker worker = caller.asWorker(WorkerRole.PICKER, WorkerRole.RECEIVER, WorkerRole.SUPERVISOR);
        return idempotency.require("worker:" + worker.workerId(), key, Map.of("replenishment_task_id", id, "scan", request), HttpStatus.OK,
                        () -> replenishments.confirm(worker, id, new Replenishments.Scan(request.fromLocationCode(), request.sku(),
                                request.gtin(), request.toLocationCode(), request.quantity())))
                .retryWhen(Transactions.retryOnDeadlock());
    }
}
