package io.stowage.api.shipping;

import io.stowage.api.access.Caller;
import io.stowage.api.commands.CommandScope;
import io.stowage.api.commands.Commands;
import io.stowage.api.merchants.Merchants;
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

/**
 * A merchant's carrier accounts ({@code sk_} key), and the same for the administrator under
 * {@code /admin/merchants/{id}}. An API key goes in once and never comes out: answers say only
 * whether one is kept.
 */
@RestController
class CarrierAccountController {

    private final CarrierAccounts accounts;
    private final Merchants merchants;
    private final Commands commands;

    CarrierAccountController(CarrierAccounts accounts, Merchants merchants, Commands commands) {
        this.accounts = accounts;
        this.merchants = merchants;
        this.commands = commands;
    }

    record AccountRequest(@NotBlank @Size(max = 40) String carrier, @Size(max = 200) String apiKey, @Size(max = 200) String description,
                          Boolean preferred, @Size(max = 500) String baseUri) {

        CarrierAccounts.NewAccount toNew() {
            return new CarrierAccounts.NewAccount(carrier, apiKey, description, preferred, baseUri);
        }
    }

    @PostMapping("/api/v1/carrier-accounts")
    Mono<ResponseEntity<String>> add(@AuthenticationPrincipal Caller caller, @Valid @RequestBody AccountRequest request) {
        UUID merchantId = caller.asMerchant().merchantId();
        return commands.run(CommandScope.merchant(merchantId), request, HttpStatus.CREATED,
                () -> accounts.add(merchantId, request.toNew(), false));
    }

    @GetMapping("/api/v1/carrier-accounts")
    Mono<List<CarrierAccountView>> list(@AuthenticationPrincipal Caller caller) {
        return accounts.list(caller.asMerchant().merchantId()).collectList();
    }

    @DeleteMapping("/api/v1/carrier-accounts/{id}")
    Mono<ResponseEntity<String>> disable(@AuthenticationPrincipal Caller caller, @PathVariable UUID id) {
        UUID merchantId = caller.asMerchant().merchantId();
        return commands.run(CommandScope.merchant(merchantId), null, HttpStatus.NO_CONTENT, () -> accounts.disable(merchantId, id));
    }

    @PostMapping("/api/v1/admin/merchants/{merchantId}/carrier-accounts")
    Mono<ResponseEntity<String>> addAsAdmin(@PathVariable UUID merchantId, @Valid @RequestBody AccountRequest request) {
        return commands.run(CommandScope.admin(), request, HttpStatus.CREATED,
                () -> merchants.get(merchantId).then(accounts.add(merchantId, request.toNew(), true)));
    }

    @GetMapping("/api/v1/admin/merchants/{merchantId}/carrier-accounts")
    Mono<List<CarrierAccountView>> listAsAdmin(@PathVariable UUID merchantId) {
        return merchants.get(merchantId).thenMany(accounts.list(merchantId)).collectList();
    }
}
