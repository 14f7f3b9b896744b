package io.stowage.api.billing;

import io.stowage.api.access.Caller;
import io.stowage.api.commands.CommandScope;
import io.stowage.api.commands.Commands;
import jakarta.validation.Valid;
import io.stowage.api.paging.Cursor;
import io.stowage.api.problem.ApiProblem;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The 3PL admin's billing: each merchant's billing account and rate-card versions, manual charges,
 * invoices from draft to finalised and credit notes, and the storage snapshot job on demand.
 */
@RestController
class BillingController {

    private final BillingAccounts accounts;
    private final RateCards rateCards;
    private final ManualCharges manualCharges;
    private final Invoices invoices;
    private final InvoiceDocuments documents;
    private final StorageSnapshots snapshots;
    private final BillingClock clock;
    private final Commands commands;

    BillingController(BillingAccounts accounts, RateCards rateCards, ManualCharges manualCharges, Invoices invoices, InvoiceDocuments documents,
                      StorageSnapshots snapshots, BillingClock clock, Commands commands) {
        this.accounts = accounts;
        this.rateCards = rateCards;
        this.manualCharges = manualCharges;
        this.invoices = invoices;
        this.documents = documents;
        this.snapshots = snapshots;
        this.clock = clock;
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

    record ManualChargeRequest(
            @NotNull LocalDate occurredOn,
            @NotBlank @Size(max = 500) String note,
            @DecimalMin(value = "0", inclusive = false) @Digits(integer = 12, fraction = 6) BigDecimal quantity,
            @NotNull @Min(0) Long rateMinor,
            @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code such as EUR") String currency) {
    }

    record InvoiceRequest(@NotNull @Pattern(regexp = "\\d{4}-(0[1-9]|1[0-2])", message = "must be a month such as 2026-11") String period) {
    }

    record CreditNoteRequest(@NotBlank @Size(max = 500) String note) {
    }

    record SnapshotRequest(@NotNull LocalDate upTo) {
    }

    record SnapshotRun(LocalDate upTo, int daysTaken) {
    }

    @PostMapping("/api/v1/admin/billing/merchants/{merchantId}/manual-charges")
    Mono<ResponseEntity<String>> addManualCharge(@AuthenticationPrincipal Caller caller, @PathVariable UUID merchantId,
                                                 @Valid @RequestBody ManualChargeRequest request) {
        return commands.run(CommandScope.admin(), request, HttpStatus.CREATED, () -> manualCharges.add(merchantId,
                new ManualCharges.NewManualCharge(request.occurredOn(), request.note(), request.quantity() == null ? BigDecimal.ONE : request.quantity(),
                        request.rateMinor(), request.currency()), caller.actor()));
    }

    /** Creates the month's draft, or recomputes it when it exists. */
    @PostMapping("/api/v1/admin/billing/merchants/{merchantId}/invoices")
    Mono<ResponseEntity<String>> draft(@PathVariable UUID merchantId, @Valid @RequestBody InvoiceRequest request) {
        return commands.run(CommandScope.admin(), request, HttpStatus.OK, () -> invoices.draft(merchantId, YearMonth.parse(request.period())));
    }

    @GetMapping("/api/v1/admin/billing/invoices")
    Mono<List<Invoices.Invoice>> list(@RequestParam(name = "merchant_id", required = false) UUID merchantId) {
        return invoices.list(null, merchantId);
    }

    @GetMapping("/api/v1/admin/billing/invoices/{id}")
    Mono<Invoices.Invoice> get(@PathVariable UUID id) {
        return invoices.get(null, id);
    }

    @GetMapping("/api/v1/admin/billing/invoices/{id}/lines")
    Mono<List<Invoices.Line>> lines(@PathVariable UUID id, @RequestParam(required = false) Integer after, @RequestParam(required = false) Integer limit) {
        return invoices.lines(null, id, after == null ? 0 : after, Cursor.limit(limit));
    }

    @GetMapping(value = "/api/v1/admin/billing/invoices/{id}/lines.csv", produces = "text/csv")
    Flux<String> csv(@PathVariable UUID id) {
        return documents.csv(null, id);
    }

    @GetMapping(value = "/api/v1/admin/billing/invoices/{id}/pdf", produces = MediaType.APPLICATION_PDF_VALUE)
    Mono<byte[]> pdf(@PathVariable UUID id) {
        return documents.pdf(null, id);
    }

    @PostMapping("/api/v1/admin/billing/invoices/{id}/recompute")
    Mono<ResponseEntity<String>> recompute(@PathVariable UUID id) {
        return commands.run(CommandScope.admin(), null, HttpStatus.OK, () -> invoices.recompute(id));
    }

    @PostMapping("/api/v1/admin/billing/invoices/{id}/finalise")
    Mono<ResponseEntity<String>> finalise(@PathVariable UUID id) {
        return commands.run(CommandScope.admin(), null, HttpStatus.OK, () -> invoices.finalise(id));
    }

    @PostMapping("/api/v1/admin/billing/invoices/{id}/credit-note")
    Mono<ResponseEntity<String>> creditNote(@PathVariable UUID id, @Valid @RequestBody CreditNoteRequest request) {
        return commands.require(CommandScope.admin(), request, HttpStatus.CREATED, () -> invoices.creditNote(id, request.note()));
    }

    @GetMapping("/api/v1/admin/billing/invoices/{id}/verification")
    Mono<Invoices.Verification> verify(@PathVariable UUID id) {
        return invoices.verify(id);
    }

    /** Runs the snapshot job now for every day up to {@code up_to} not yet taken (the loop does the same each interval, up to yesterday). */
    @PostMapping("/api/v1/admin/billing/storage-snapshots")
    Mono<ResponseEntity<String>> takeSnapshots(@Valid @RequestBody SnapshotRequest request) {
        if (!request.upTo().isBefore(clock.today())) {
            return Mono.error(ApiProblem.invalid("up_to", "must be a day that is over (before " + clock.today() + ", UTC)"));
        }
        return commands.run(CommandScope.admin(), request, HttpStatus.OK,
                () -> snapshots.takeUpTo(request.upTo()).map(days -> new SnapshotRun(request.upTo(), days)));
    }

    @GetMapping("/api/v1/admin/billing/merchants/{merchantId}/storage-snapshots")
    Mono<List<StorageSnapshots.Snapshot>> snapshots(@PathVariable UUID merchantId, @RequestParam LocalDate day) {
        return snapshots.of(merchantId, day).collectList();
    }
}
