package io.stowage.api.picking;

import io.stowage.api.access.Caller;
import io.stowage.api.access.WorkerRole;
import io.stowage.api.commands.CommandScope;
import io.stowage.api.commands.Commands;
import io.stowage.api.paging.Page;
import jakarta.validation.Valid;
import java.util.UUID;
import java.util.function.Supplier;
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
 * The node's tasks that move units from one location to another, confirmed on a handheld with the
 * scans of both locations and the product and the units moved (with an Idempotency-Key):
 * replenishments (reserve to pick face; pickers, receivers and supervisors) and put-backs (pack
 * station to shelf; those roles and packers, who work at the pack station).
 */
@RestController
class MoveTaskController {

    private final Replenishments replenishments;
    private final PutBacks putBacks;
    private final Commands commands;

    MoveTaskController(Replenishments replenishments, PutBacks putBacks, Commands commands) {
        this.replenishments = replenishments;
        this.putBacks = putBacks;
        this.commands = commands;
    }

    @GetMapping("/api/v1/replenishment-tasks")
    Mono<Page<ReplenishmentTaskView>> replenishments(@AuthenticationPrincipal Caller caller, @RequestParam(required = false) String status,
                                                     @RequestParam(required = false) Integer limit,
                                                     @RequestParam(required = false) String after) {
        return replenishments.list(caller.asWorker(), status, limit, after);
    }

    @PostMapping("/api/v1/replenishment-tasks/{id}/confirm")
    Mono<ResponseEntity<String>> confirmReplenishment(@AuthenticationPrincipal Caller caller, @PathVariable UUID id,
                                                      @Valid @RequestBody ScannedMoves.Scan scan) {
        Caller.Worker worker = caller.asWorker(WorkerRole.PICKER, WorkerRole.RECEIVER, WorkerRole.SUPERVISOR);
        return once(worker, scan, () -> replenishments.confirm(worker, id, scan));
    }

    @GetMapping("/api/v1/put-back-tasks")
    Mono<Page<PutBackTaskView>> putBacks(@AuthenticationPrincipal Caller caller, @RequestParam(required = false) String status,
                                         @RequestParam(required = false) Integer limit, @RequestParam(required = false) String after) {
        return putBacks.list(caller.asWorker(), status, limit, after);
    }

    @PostMapping("/api/v1/put-back-tasks/{id}/confirm")
    Mono<ResponseEntity<String>> confirmPutBack(@AuthenticationPrincipal Caller caller, @PathVariable UUID id,
                                                @Valid @RequestBody ScannedMoves.Scan scan) {
        Caller.Worker worker = caller.asWorker(WorkerRole.PICKER, WorkerRole.PACKER, WorkerRole.RECEIVER, WorkerRole.SUPERVISOR);
        return once(worker, scan, () -> putBacks.confirm(worker, id, scan));
    }

    /** A confirmation changes stock: the key is required (the task's id is part of the hashed request, as a path variable). */
    private Mono<ResponseEntity<String>> once(Caller.Worker worker, ScannedMoves.Scan scan, Supplier<Mono<?>> confirm) {
        return commands.require(CommandScope.worker(worker), scan, HttpStatus.OK, confirm);
    }
}
