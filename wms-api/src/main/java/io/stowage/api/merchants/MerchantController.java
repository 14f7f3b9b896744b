package io.stowage.api.merchants;

import io.stowage.api.access.ApiKeys;
import io.stowage.api.access.Caller;
import io.stowage.api.commands.CommandScope;
import io.stowage.api.commands.Commands;
import io.stowage.api.paging.Cursor;
import io.stowage.api.paging.Page;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

@RestController
class MerchantController {

    private final Merchants merchants;
    private final ApiKeys apiKeys;
    private final Commands commands;

    MerchantController(Merchants merchants, ApiKeys apiKeys, Commands commands) {
        this.merchants = merchants;
        this.apiKeys = apiKeys;
        this.commands = commands;
    }

    /** A brand colour as CSS writes it: {@code #} and six hex digits (either case; stored lower-case). */
    static final String BRAND_COLOUR = "#[0-9A-Fa-f]{6}";
    static final String BRAND_COLOUR_MESSAGE = "must be a colour as #rrggbb (six hex digits)";

    record MerchantRequest(
            @NotBlank @Size(max = 200) String name,
            @Pattern(regexp = "\\d{7,10}", message = "must be a GS1 company prefix of 7 to 10 digits") String gs1CompanyPrefix,
            Boolean shipFromStore,
            @Size(min = 1, max = 100) @Pattern(regexp = ".*\\S.*", message = "must not be blank") String brandName,
            @Pattern(regexp = BRAND_COLOUR, message = BRAND_COLOUR_MESSAGE) String brandColour) {
    }

    record MerchantChangeRequest(
            @Size(min = 1, max = 200) String name,
            @Pattern(regexp = "\\d{7,10}", message = "must be a GS1 company prefix of 7 to 10 digits") String gs1CompanyPrefix,
            Boolean shipFromStore,
            @Size(min = 1, max = 100) @Pattern(regexp = ".*\\S.*", message = "must not be blank") String brandName,
            @Pattern(regexp = BRAND_COLOUR, message = BRAND_COLOUR_MESSAGE) String brandColour) {
    }

    record ApiKeyRequest(@NotBlank @Size(max = 100) String name) {
    }

    @PostMapping("/api/v1/admin/merchants")
    Mono<ResponseEntity<String>> create(@Valid @RequestBody MerchantRequest request) {
        return commands.run(CommandScope.admin(), request, HttpStatus.CREATED, () -> merchants.create(new Merchants.NewMerchant(request.name(),
                request.gs1CompanyPrefix(), Boolean.TRUE.equals(request.shipFromStore()), request.brandName(), request.brandColour())));
    }

    @GetMapping("/api/v1/admin/merchants")
    Mono<Page<Merchants.Merchant>> list(@RequestParam(required = false) Integer limit, @RequestParam(required = false) String after) {
        return merchants.list(Cursor.decode(after), Cursor.limit(limit));
    }

    @PatchMapping("/api/v1/admin/merchants/{id}")
    Mono<ResponseEntity<String>> update(@PathVariable UUID id, @Valid @RequestBody MerchantChangeRequest request) {
        return commands.run(CommandScope.admin(), request, HttpStatus.OK,
                () -> merchants.update(id, new Merchants.MerchantChange(request.name(), request.gs1CompanyPrefix(), request.shipFromStore(),
                        request.brandName(), request.brandColour())));
    }

    @PostMapping("/api/v1/admin/merchants/{id}/api-keys")
    Mono<ResponseEntity<String>> issueKey(@PathVariable UUID id, @Valid @RequestBody ApiKeyRequest request) {
        return commands.run(CommandScope.admin(), request, HttpStatus.CREATED, () -> merchants.get(id).then(apiKeys.issue(id, request.name())));
    }

    /** The merchant behind the calling API key. */
    @GetMapping("/api/v1/merchant")
    Mono<Merchants.Merchant> self(@AuthenticationPrincipal Caller caller) {
        return merchants.get(caller.asMerchant().merchantId());
    }
}
