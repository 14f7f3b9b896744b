package io.stowage.api.counts;

import io.stowage.api.input.LineQuantity;
import jakarta.validation.constraints.Max;
import io.stowage.api.access.Caller;
import io.stowage.api.access.WorkerRole;
import io.stowage.api.commands.CommandScope;
import io.stowage.api.commands.Commands;
import io.stowage.api.paging.Cursor;
import io.stowage.api.paging.Page;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
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

@RestController
class CycleCountController {

    private final CycleCounts counts;
    private final Commands commands;

    CycleCountController(CycleCounts counts, Commands commands) {
        this.counts = counts;
        this.commands = commands;
    }

    /** @param requestedByMerchantId the merchant that asked for these counts (billed to it), absent for the 3PL's own */
    record OpenRequest(@NotEmpty @Size(max = 1000) List<@NotBlank String> locationCodes, UUID requestedByMerchantId) {
    }

    record CountRequest(@NotNull @Size(max = 1000) List<@Valid CountedLine> lines) {
    }

    record CountedLine(UUID merchantId, String sku, String gtin, String lotNumber, @NotNull @PositiveOrZero @Max(LineQuantity.MAX) Integer quantity) {
    }

    @PostMapping("/api/v1/count-tasks")
    Mono<ResponseEntity<String>> open(@AuthenticationPrincipal Caller caller,
                                      @Valid @RequestBody OpenRequest request) {
        Caller.Worker supervisor = caller.asWorker(WorkerRole.SUPERVISOR);
        return commands.run(CommandScope.worker(supervisor), request, HttpStatus.CREATED,
                () -> counts.open(supervisor, request.locationCodes(), request.requestedByMerchantId()));
    }

    @GetMapping("/api/v1/count-tasks")
    Mono<Page<CycleCounts.CountTask>> list(@AuthenticationPrincipal Caller caller,
                                            @RequestParam(defaultValue = "open") String status,
                                            @RequestParam(required = false) Integer limit,
                                            @RequestParam(required = false) String after) {
        return counts.list(caller.asWorker(), status, Cursor.decode(after), Cursor.limit(limit));
    }

    @PostMapping("/api/v1/count-tasks/{id}/counts")
    Mono<ResponseEntity<String>> count(@AuthenticationPrincipal Caller caller, @PathVariable UUID id,
                                       @Valid @RequestBody CountRequest request) {
        Caller.Worker worker = caller.asWorker();
        List<CycleCounts.CountedItem> items = request.lines().stream()
                .map(l -> new CycleCounts.CountedItem(l.merchantId(), l.sku(), l.gtin(), l.lotNumber(), l.quantity())).toList();
        return commands.require(CommandScope.worker(worker), request, HttpStatus.CREATED,
                () -> counts.count(worker, id, items));
    }

    @GetMapping("/api/v1/count-tasks/{id}")
    Mono<CycleCounts.Review> review(@AuthenticationPrincipal Caller caller, @PathVariable UUID id) {
        return counts.review(caller.asWorker(WorkerRole.SUPERVISOR), id);
    }

    @PostMapping("/api/v1/count-tasks/{id}/approve")
    Mono<ResponseEntity<String>> approve(@AuthenticationPrincipal Caller caller, @PathVariable UUID id) {
        Caller.Worker supervisor = caller.asWorker(WorkerRole.SUPERVISOR);
        return commands.run(CommandScope.worker(supervisor), null, HttpStatus.OK, () -> counts.approve(supervisor, id));
    }

    @PostMapping("/api/v1/count-tasks/{id}/reject")
    Mono<ResponseEntity<String>> reject(@AuthenticationPrincipal Caller caller, @PathVariable UUID id) {
        Caller.Worker supervisor = caller.asWorker(WorkerRole.SUPERVISOR);
        return commands.run(CommandScope.worker(supervisor), null, HttpStatus.OK, () -> counts.reject(supervisor, id));
    }
}
