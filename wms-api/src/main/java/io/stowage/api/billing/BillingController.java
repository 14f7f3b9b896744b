package io.stowage.api.billing;

import io.stowage.api.commands.CommandScope;
import io.stowage.api.commands.Commands;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** The 3PL admin's billing set-up: each merchant's billing account and rate-card versions. */
@RestController
class BillingController {

    private final BillingAccounts accounts;
    private final RateCards rateCards;
    private final Commands commands;

    BillingController(BillingAccounts accounts, RateCards rateCards, Commands commands) {
        this.accounts = accounts;
        this.rateCards = rateCards;
        this.commands = commands;
    }

    record AccountRequest(
            @NotNull @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code such as EUR") String currency,
            @NotNull @Min(0) @Max(10000) Integer vatRateBp,
            @Min(0) @Max(365) Integer paymentTermsDays,
            @NotBlank @Size(max = 200) String legalName,
            @NotBlank @Size(max = 500) String address,
            @Size(max = 50) String vatNumber) {

        BillingAccounts.Account account(UUID merchantId) {
            return new BillingAccounts.Account(merchantId, currency, vatRateBp, paymentTermsDays == null ? 14 : paymentTermsDays, legalName,
                    address, vatNumber);
        }
    }

    record RateCardRequest(
            @NotNull @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code such as EUR") String currency,
            @NotNull LocalDate effectiveFrom,
            LocalDate effectiveTo,
            @NotNull Rates rates) {
    }

    @PutMapping("/api/v1/admin/billing/merchants/{merchantId}/account")
    Mono<ResponseEntity<String>> putAccount(@PathVariable UUID merchantId, @Valid @RequestBody AccountRequest request) {
        return commands.run(CommandScope.admin(), request, HttpStatus.OK, () -> accounts.put(merchantId, request.account(merchantId)));
    }

    @GetMapping("/api/v1/admin/billing/merchants/{merchantId}/account")
    Mono<BillingAccounts.Account> account(@PathVariable UUID merchantId) {
        return accounts.get(merchantId);
    }

    @PostMapping("/api/v1/admin/billing/merchants/{merchantId}/rate-cards")
    Mono<ResponseEntity<String>> createRateCard(@PathVariable UUID merchantId, @Valid @RequestBody RateCardRequest request) {
        return commands.run(CommandScope.admin(), request, HttpStatus.CREATED, () -> rateCards.create(merchantId,
                new RateCards.NewRateCard(request.currency(), request.effectiveFrom(), request.effectiveTo(), request.rates())));
    }

    @GetMapping("/api/v1/admin/billing/merchants/{merchantId}/rate-cards")
    Mono<List<RateCards.RateCard>> rateCards(@PathVariable UUID merchantId) {
        return rateCards.list(merchantId);
    }
}
