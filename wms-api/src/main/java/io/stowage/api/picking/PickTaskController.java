package io.stowage.api.picking;

import io.stowage.api.input.LineQuantity;
import jakarta.validation.constraints.Max;
import io.stowage.api.access.Caller;
import io.stowage.api.access.WorkerRole;
import io.stowage.api.commands.CommandScope;
import io.stowage.api.commands.Commands;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** The picker's scanner: the next batch, and a confirmation per task (with an Idempotency-Key). */
@RestController
class PickTaskController {

    private final PickTasks tasks;
    private final Commands commands;

    PickTaskController(PickTasks tasks, Commands commands) {
        this.tasks = tasks;
        this.commands = commands;
    }

    record ConfirmRequest(@NotBlank String locationCode, String sku, String gtin, @NotNull @Min(0) @Max(LineQuantity.MAX) Integer quantity,
                          @NotNull @Positive Integer tote) {
    }

    /** 200 with the batch in hand or newly claimed, 204 when nothing is ready to pick. */
    @GetMapping("/api/v1/pick-tasks/next")
    Mono<ResponseEntity<WaveView.BatchView>> next(@AuthenticationPrincipal Caller caller) {
        return tasks.next(caller.asWorker(WorkerRole.PICKER))
                .map(ResponseEntity::ok)
                .defaultIfEmpty(ResponseEntity.noContent().build());
    }

    @PostMapping("/api/v1/pick-tasks/{id}/confirm")
    Mono<ResponseEntity<String>> confirm(@AuthenticationPrincipal Caller caller, @PathVariable UUID id,
                                         @Valid @RequestBody ConfirmRequest request) {
        Caller.Worker picker = caller.asWorker(WorkerRole.PICKER);
        return commands.require(CommandScope.worker(picker), request, HttpStatus.OK,
                        () -> tasks.confirm(picker, id, new PickTasks.Scan(request.locationCode(), request.sku(), request.gtin(),
                                request.quantity(), request.tote())));
    }
}
