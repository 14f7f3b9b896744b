package io.stowage.api.slips;

import io.stowage.api.access.Caller;
import io.stowage.api.commands.CommandScope;
import io.stowage.api.commands.Commands;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** Merchants keep the rules for what goes into parcels besides the order: gifts, samples, leaflets. */
@RestController
class InsertRuleController {

    private final InsertRules rules;
    private final Commands commands;

    InsertRuleController(InsertRules rules, Commands commands) {
        this.rules = rules;
        this.commands = commands;
    }

    record RuleRequest(
            @NotNull InsertRule.Kind kind,
            @NotBlank @Size(max = 100) String sku,
            @Min(1) @Max(100) Integer quantity,
            @Min(2) @Max(10000) Integer nthOrder,
            @Size(min = 1, max = 100) String channel,
            InsertRule.OncePer oncePer,
            Boolean active,
            @Size(max = 500) String description) {

        InsertRules.Draft draft() {
            return new InsertRules.Draft(kind, sku, quantity == null ? 1 : quantity, nthOrder, channel,
                    oncePer == null ? InsertRule.OncePer.ORDER : oncePer, active == null || active, description);
        }
    }

    @PostMapping("/api/v1/insert-rules")
    Mono<ResponseEntity<String>> create(@AuthenticationPrincipal Caller caller, @Valid @RequestBody RuleRequest request) {
        UUID merchantId = caller.asMerchant().merchantId();
        return commands.run(CommandScope.merchant(merchantId), request, HttpStatus.CREATED, () -> rules.create(merchantId, request.draft()));
    }

    @GetMapping("/api/v1/insert-rules")
    Mono<List<InsertRule>> list(@AuthenticationPrincipal Caller caller) {
        return rules.list(caller.asMerchant().merchantId());
    }

    @GetMapping("/api/v1/insert-rules/{id}")
    Mono<InsertRule> get(@AuthenticationPrincipal Caller caller, @PathVariable UUID id) {
        return rules.get(caller.asMerchant().merchantId(), id);
    }

    @PutMapping("/api/v1/insert-rules/{id}")
    Mono<ResponseEntity<String>> replace(@AuthenticationPrincipal Caller caller, @PathVariable UUID id,
                                         @Valid @RequestBody RuleRequest request) {
        UUID merchantId = caller.asMerchant().merchantId();
        return commands.run(CommandScope.merchant(merchantId), request, HttpStatus.OK, () -> rules.replace(merchantId, id, request.draft()));
    }

    @DeleteMapping("/api/v1/insert-rules/{id}")
    Mono<ResponseEntity<String>> delete(@AuthenticationPrincipal Caller caller, @PathVariable UUID id) {
        UUID merchantId = caller.asMerchant().merchantId();
        return commands.run(CommandScope.merchant(merchantId), null, HttpStatus.NO_CONTENT, () -> rules.delete(merchantId, id));
    }
}
