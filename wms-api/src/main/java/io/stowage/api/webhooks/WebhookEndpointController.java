package io.stowage.api.webhooks;

import io.stowage.api.access.Caller;
import io.stowage.api.commands.CommandScope;
import io.stowage.api.commands.Commands;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** Merchants register where their events go; the signing secret is shown on creation and rotation only. */
@RestController
class WebhookEndpointController {

    private final WebhookEndpoints endpoints;
    private final Commands commands;

    WebhookEndpointController(WebhookEndpoints endpoints, Commands commands) {
        this.endpoints = endpoints;
        this.commands = commands;
    }

    record EndpointRequest(
            @NotBlank @Size(max = WebhookEndpoints.MAX_URL_LENGTH) String url,
            @NotEmpty @Size(max = EventTypes.MAX_PATTERNS) List<@NotNull String> eventTypes,
            @Size(max = 500) String description) {
    }

    record EndpointPatch(
            @Size(min = 1, max = WebhookEndpoints.MAX_URL_LENGTH) String url,
            @Size(min = 1, max = EventTypes.MAX_PATTERNS) List<@NotNull String> eventTypes,
            @Size(max = 500) String description,
            Boolean enabled) {
    }

    @PostMapping("/api/v1/webhook-endpoints")
    Mono<ResponseEntity<String>> create(@AuthenticationPrincipal Caller caller,
                                        @Valid @RequestBody EndpointRequest request) {
        UUID merchantId = caller.asMerchant().merchantId();
        return commands.run(CommandScope.merchant(merchantId), request, HttpStatus.CREATED,
                () -> endpoints.create(merchantId, new WebhookEndpoints.NewEndpoint(request.url(), request.eventTypes(), request.description())));
    }

    @GetMapping("/api/v1/webhook-endpoints")
    Mono<List<WebhookEndpoints.WebhookEndpoint>> list(@AuthenticationPrincipal Caller caller) {
        return endpoints.list(caller.asMerchant().merchantId());
    }

    @GetMapping("/api/v1/webhook-endpoints/{id}")
    Mono<WebhookEndpoints.WebhookEndpoint> get(@AuthenticationPrincipal Caller caller, @PathVariable UUID id) {
        return endpoints.get(caller.asMerchant().merchantId(), id);
    }

    @PatchMapping("/api/v1/webhook-endpoints/{id}")
    Mono<ResponseEntity<String>> change(@AuthenticationPrincipal Caller caller, @PathVariable UUID id,
                                        @Valid @RequestBody EndpointPatch patch) {
        UUID merchantId = caller.asMerchant().merchantId();
        return commands.run(CommandScope.merchant(merchantId), patch, HttpStatus.OK, () -> endpoints.change(merchantId, id,
                new WebhookEndpoints.EndpointChange(patch.url(), patch.eventTypes(), patch.description(), patch.enabled())));
    }

    @DeleteMapping("/api/v1/webhook-endpoints/{id}")
    Mono<ResponseEntity<String>> delete(@AuthenticationPrincipal Caller caller, @PathVariable UUID id) {
        UUID merchantId = caller.asMerchant().merchantId();
        return commands.run(CommandScope.merchant(merchantId), null, HttpStatus.NO_CONTENT, () -> endpoints.delete(merchantId, id));
    }

    @PostMapping("/api/v1/webhook-endpoints/{id}/secret-rotation")
    Mono<ResponseEntity<String>> rotateSecret(@AuthenticationPrincipal Caller caller, @PathVariable UUID id) {
        UUID merchantId = caller.asMerchant().merchantId();
        return commands.run(CommandScope.merchant(merchantId), null, HttpStatus.OK, () -> endpoints.rotateSecret(merchantId, id));
    }
}
