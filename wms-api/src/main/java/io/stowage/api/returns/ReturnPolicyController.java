package io.stowage.api.returns;

import io.stowage.api.access.Caller;
import io.stowage.api.commands.CommandScope;
import io.stowage.api.commands.Commands;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** The merchant's return policy: one per merchant, replaced as a whole. */
@RestController
class ReturnPolicyController {

    private final ReturnPolicies policies;
    private final Commands commands;

    ReturnPolicyController(ReturnPolicies policies, Commands commands) {
        this.policies = policies;
        this.commands = commands;
    }

    record ReturnPolicyRequest(
            @NotNull @Min(0) @Max(365) Integer windowDays,
            @Size(max = 1000) List<@NotBlank @Size(max = 100) String> nonReturnableSkus,
            @NotEmpty @Size(max = 50) List<@NotBlank @Size(max = 60) @Pattern(regexp = "[a-z0-9_]+", message = "must be a code such as wrong_size") String> reasons,
            @NotNull @Pattern(regexp = "merchant|customer", message = "must be merchant or customer") String labelPaidBy,
            @NotNull Boolean exchangesAllowed) {
    }

    @PutMapping("/api/v1/return-policy")
    Mono<ResponseEntity<String>> put(@AuthenticationPrincipal Caller caller, @Valid @RequestBody ReturnPolicyRequest request) {
        UUID merchantId = caller.asMerchant().merchantId();
        ReturnPolicies.ReturnPolicy policy = new ReturnPolicies.ReturnPolicy(request.windowDays(),
                request.nonReturnableSkus() == null ? List.of() : request.nonReturnableSkus().stream().map(String::trim).distinct().toList(),
                request.reasons().stream().distinct().toList(), request.labelPaidBy(), request.exchangesAllowed(), null);
        return commands.run(CommandScope.merchant(merchantId), request, HttpStatus.OK, () -> policies.put(merchantId, policy));
    }

    @GetMapping("/api/v1/return-policy")
    Mono<ReturnPolicies.ReturnPolicy> get(@AuthenticationPrincipal Caller caller) {
        return policies.get(caller.asMerchant().merchantId());
    }
}
