package io.stowage.api.access;

import io.stowage.api.commands.CommandScope;
import io.stowage.api.commands.Commands;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
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
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** A merchant manages its own API keys; the admin issues the first one with the merchant. */
@RestController
class ApiKeyController {

    private final ApiKeys apiKeys;
    private final Commands commands;

    ApiKeyController(ApiKeys apiKeys, Commands commands) {
        this.apiKeys = apiKeys;
        this.commands = commands;
    }

    record NewApiKey(@NotBlank @Size(max = 100) String name) {
    }

    @GetMapping("/api/v1/api-keys")
    Mono<List<ApiKeys.ApiKey>> list(@AuthenticationPrincipal Caller caller) {
        return apiKeys.list(caller.asMerchant().merchantId());
    }

    @PostMapping("/api/v1/api-keys")
    Mono<ResponseEntity<String>> issue(@AuthenticationPrincipal Caller caller, @Valid @RequestBody NewApiKey request) {
        UUID merchantId = caller.asMerchant().merchantId();
        return commands.run(CommandScope.merchant(merchantId), request, HttpStatus.CREATED, () -> apiKeys.issue(merchantId, request.name()));
    }

    @DeleteMapping("/api/v1/api-keys/{id}")
    Mono<ResponseEntity<String>> revoke(@AuthenticationPrincipal Caller caller, @PathVariable UUID id) {
        UUID merchantId = caller.asMerchant().merchantId();
        return commands.run(CommandScope.merchant(merchantId), null, HttpStatus.NO_CONTENT, () -> apiKeys.revoke(merchantId, id));
    }
}
