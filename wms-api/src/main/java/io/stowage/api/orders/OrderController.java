package io.stowage.api.orders;

import io.stowage.api.access.Caller;
import io.stowage.api.commands.CommandScope;
import io.stowage.api.commands.Commands;
import io.stowage.api.paging.Page;
import io.stowage.api.problem.ApiProblem;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** Merchants' orders: intake with an Idempotency-Key, reading and listing, history, hold and cancel; shelf-life rules per channel. */
@RestController
class OrderController {

    private final OrderIntake intake;
    private final OrderCommands commands;
    private final OrderQueries queries;
    private final ShelfLifeRules shelfLife;
    private final Commands runner;
    private final IntakeGate gate;

    OrderController(OrderIntake intake, OrderCommands commands, OrderQueries queries, ShelfLifeRules shelfLife, Commands runner,
                    IntakeGate gate) {
        this.intake = intake;
        this.gate = gate;
        this.commands = commands;
        this.queries = queries;
        this.shelfLife = shelfLife;
        this.runner = runner;
    }

    record ReasonRequest(@Size(max = 500) String reason) {
    }

    record ShelfLifeRequest(@NotNull @PositiveOrZero @Max(3650) Integer minRemainingDays) {
    }

    @PostMapping("/api/v1/orders")
    Mono<ResponseEntity<String>> create(@AuthenticationPrincipal Caller caller,
                                        @Valid @RequestBody OrderRequest request, ServerHttpResponse response) {
        Caller.Merchant merchant = caller.asMerchant();
        // Checks and reads that change nothing run before the command's transaction, so that it holds the stock locks for less time.
        // The first run decides on unlocked levels; a run again (the stock moved, or a deadlock) decides under the level locks.
        AtomicInteger runs = new AtomicInteger();
        return gate.admit(intake.check(merchant, request)
                .flatMap(checked -> runner.require(CommandScope.merchant(merchant.merchantId()), request, HttpStatus.CREATED,
                        () -> intake.accept(merchant, request, checked, runs.getAndIncrement() > 0))), response);
    }

    @GetMapping("/api/v1/orders")
    Mono<Page<OrderView.Summary>> list(@AuthenticationPrincipal Caller caller,
                                       @RequestParam(required = false) String status,
                                       @RequestParam(required = false) String channel,
                                       @RequestParam(name = "service_level", required = false) String serviceLevel,
                                       @RequestParam(name = "accepted_from", required = false) OffsetDateTime acceptedFrom,
                                       @RequestParam(name = "accepted_before", required = false) OffsetDateTime acceptedBefore,
                                       @RequestParam(required = false) Integer limit,
                                       @RequestParam(required = false) String after) {
        return queries.list(caller.asMerchant().merchantId(),
                new OrderQueries.Filter(status == null ? null : named("status", status, OrderStatus.class), channel,
                        serviceLevel == null ? null : named("service_level", serviceLevel, ServiceLevel.class), acceptedFrom, acceptedBefore),
                limit, after);
    }

    /** Query parameters name statuses and levels in lower case, as the JSON does. */
    private static <E extends Enum<E>> E named(String field, String value, Class<E> type) {
        try {
            return Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ApiProblem.invalid(field, "is not one of " + Arrays.stream(type.getEnumConstants())
                    .map(constant -> constant.name().toLowerCase(Locale.ROOT)).toList());
        }
    }

    @GetMapping("/api/v1/orders/{id}")
    Mono<OrderView> get(@AuthenticationPrincipal Caller caller, @PathVariable UUID id) {
        return queries.get(caller.asMerchant().merchantId(), id);
    }

    @GetMapping("/api/v1/orders/{id}/history")
    Mono<List<OrderView.Step>> history(@AuthenticationPrincipal Caller caller, @PathVariable UUID id) {
        return queries.history(caller.asMerchant().merchantId(), id);
    }

    @PostMapping("/api/v1/orders/{id}/cancel")
    Mono<ResponseEntity<String>> cancel(@AuthenticationPrincipal Caller caller, @PathVariable UUID id,
                                        @Valid @RequestBody(required = false) ReasonRequest request) {
        Caller.Merchant merchant = caller.asMerchant();
        return runner.run(CommandScope.merchant(merchant.merchantId()), request, HttpStatus.OK,
                () -> commands.cancel(merchant, id, request == null ? null : request.reason()));
    }

    @PostMapping("/api/v1/orders/{id}/hold")
    Mono<ResponseEntity<String>> hold(@AuthenticationPrincipal Caller caller, @PathVariable UUID id,
                                      @Valid @RequestBody(required = false) ReasonRequest request) {
        Caller.Merchant merchant = caller.asMerchant();
        return runner.run(CommandScope.merchant(merchant.merchantId()), request, HttpStatus.OK,
                () -> commands.hold(merchant, id, request == null ? null : request.reason()));
    }

    @PostMapping("/api/v1/orders/{id}/release-hold")
    Mono<ResponseEntity<String>> releaseHold(@AuthenticationPrincipal Caller caller, @PathVariable UUID id) {
        Caller.Merchant merchant = caller.asMerchant();
        return runner.run(CommandScope.merchant(merchant.merchantId()), null, HttpStatus.OK, () -> commands.releaseHold(merchant, id));
    }

    @PutMapping("/api/v1/shelf-life-rules/{channel}")
    Mono<ResponseEntity<String>> setShelfLife(@AuthenticationPrincipal Caller caller, @PathVariable String channel,
                                              @Valid @RequestBody ShelfLifeRequest request) {
        UUID merchantId = caller.asMerchant().merchantId();
        return runner.run(CommandScope.merchant(merchantId), request, HttpStatus.OK,
                () -> shelfLife.set(merchantId, channel, request.minRemainingDays()));
    }

    @GetMapping("/api/v1/shelf-life-rules")
    Mono<List<ShelfLifeRules.Rule>> shelfLifeRules(@AuthenticationPrincipal Caller caller) {
        return shelfLife.list(caller.asMerchant().merchantId());
    }

    /** Reserved stock against open allocations, and order lines against allocations plus waiting units; empty when the books agree. */
    @GetMapping("/api/v1/admin/orders/reconciliation")
    Mono<List<OrderQueries.Discrepancy>> reconcile() {
        return queries.reconcile();
    }
}
