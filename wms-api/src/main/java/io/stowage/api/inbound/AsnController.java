package io.stowage.api.inbound;

import io.stowage.api.input.LineQuantity;
import jakarta.validation.constraints.Max;
import io.stowage.api.access.Caller;
import io.stowage.api.commands.CommandScope;
import io.stowage.api.commands.Commands;
import io.stowage.api.paging.Cursor;
import io.stowage.api.paging.Page;
import io.stowage.api.problem.ApiProblem;
import io.stowage.api.problem.ProblemType;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
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
class AsnController {

    private final Asns asns;
    private final Commands commands;

    AsnController(Asns asns, Commands commands) {
        this.asns = asns;
        this.commands = commands;
    }

    record AsnRequest(
            @NotBlank @Size(max = 100) String reference,
            @NotBlank String nodeCode,
            @Size(max = 200) String supplier,
            @NotNull LocalDate expectedOn,
            @NotEmpty @Size(max = 5000) List<@Valid LineRequest> lines) {
    }

    record LineRequest(@NotBlank String sku, @NotNull @Positive @Max(LineQuantity.MAX) Integer quantity, String lotNumber, LocalDate expiresOn,
                       @Size(max = 1000) List<@NotNull @Size(max = 100) String> ssccs) {
    }

    /** A carton's or pallet's SSCC and the lines of the notices it arrives with. */
    record ExpectedSscc(String sscc, List<Asns.Asn> asns) {
    }

    @PostMapping("/api/v1/asns")
    Mono<ResponseEntity<String>> create(@AuthenticationPrincipal Caller caller,
                                        @Valid @RequestBody AsnRequest request) {
        Caller.Merchant merchant = caller.asMerchant();
        Asns.NewAsn asn = new Asns.NewAsn(request.reference(), request.nodeCode(), request.supplier(), request.expectedOn(),
                request.lines().stream().map(l -> new Asns.NewLine(l.sku(), l.quantity(), l.lotNumber(), l.expiresOn(), l.ssccs())).toList());
        return commands.run(CommandScope.merchant(merchant.merchantId()), request, HttpStatus.CREATED,
                () -> asns.create(merchant.merchantId(), asn));
    }

    @GetMapping("/api/v1/asns")
    Mono<Page<Asns.Asn>> list(@AuthenticationPrincipal Caller caller,
                              @RequestParam(required = false) String status,
                              @RequestParam(required = false) Integer limit,
                              @RequestParam(required = false) String after) {
        return asns.list(caller.asMerchant().merchantId(), null, null, status, Cursor.decode(after), Cursor.limit(limit));
    }

    @GetMapping("/api/v1/asns/{reference}")
    Mono<Asns.Asn> get(@AuthenticationPrincipal Caller caller, @PathVariable String reference) {
        return asns.find(caller.asMerchant().merchantId(), reference);
    }

    @PostMapping("/api/v1/asns/{reference}/close")
    Mono<ResponseEntity<String>> close(@AuthenticationPrincipal Caller caller, @PathVariable String reference) {
        UUID merchantId = caller.asMerchant().merchantId();
        return commands.run(CommandScope.merchant(merchantId), null, HttpStatus.OK, () -> asns.close(merchantId, reference));
    }

    /** What the receiving dock of the worker's node expects, across merchants. */
    @GetMapping("/api/v1/inbound/asns")
    Mono<Page<Asns.Asn>> expectedHere(@AuthenticationPrincipal Caller caller,
                                      @RequestParam(required = false) String status,
                                      @RequestParam(required = false) Integer limit,
                                      @RequestParam(required = false) String after) {
        return asns.list(null, caller.asWorker().nodeId(), null, status, Cursor.decode(after), Cursor.limit(limit));
    }

    /**
     * The receiving dock's look-up: a carton or pallet scanned by its SSCC, and the lines of the notices the
     * worker's node expects that name it; 404 when none does (the receiver chooses the notice or receives blind).
     */
    @GetMapping("/api/v1/inbound/ssccs/{sscc}")
    Mono<ExpectedSscc> expectedSscc(@AuthenticationPrincipal Caller caller, @PathVariable String sscc) {
        UUID nodeId = caller.asWorker().nodeId();
        String code = HandlingUnitCode.sscc("sscc", sscc);
        return asns.expectedIn(nodeId, code).collectList()
                .flatMap(found -> found.isEmpty()
                        ? Mono.<ExpectedSscc>error(ApiProblem.of(ProblemType.NOT_FOUND, "SSCC " + code + " is on no ASN this warehouse expects"))
                        : Mono.just(new ExpectedSscc(code, found)));
    }
}
