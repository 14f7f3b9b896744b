package io.stowage.api.access;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** A merchant manages its own API keys; the admin issues the first one with the merchant. */
@RestController
class ApiKeyController {

    private final ApiKeys apiKeys;

    ApiKeyController(ApiKeys apiKeys) {
        this.apiKeys = apiKeys;
    }

    record NewApiKey(@NotBlank @Size(max = 100) String name) {
    }

    @GetMapping("/api/v1/api-keys")
    Mono<List<ApiKeys.ApiKey>> list(@AuthenticationPrincipal Caller caller) {
        return apiKeys.list(caller.asMerchant().merchantId());
    }

    @PostMapping("/api/v1/api-keys")
    @ResponseStatus(HttpStatus.CREATED)
    Mono<ApiKeys.IssuedApiKey> issue(@AuthenticationPrincipal Caller caller, @Valid @RequestBody NewApiKey request) {
        return apiKeys.issue(caller.asMerchant().merchantId(), request.name());
    }

    @DeleteMapping("/api/v1/api-keys/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    Mono<Void> revoke(@AuthenticationPrincipal Caller caller, @PathVariable UUID id) {
        return apiKeys.revoke(caller.asMerchant().merchantId(), id);
    }
}
