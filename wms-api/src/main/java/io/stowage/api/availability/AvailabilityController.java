package io.stowage.api.availability;

import io.stowage.api.access.Caller;
import io.stowage.api.commands.CommandScope;
import io.stowage.api.commands.Commands;
import io.stowage.api.commands.NotACommand;
import io.stowage.api.paging.Cursor;
import io.stowage.api.paging.Page;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** What a merchant's store asks before it sells: availability, nearby stock, back-in-stock requests. */
@RestController
class AvailabilityController {

    private final Availability availability;
    private final NearbyStock nearby;
    private final BackInStock backInStock;
    private final Commands commands;

    AvailabilityController(Availability availability, NearbyStock nearby, BackInStock backInStock, Commands commands) {
        this.availability = availability;
        this.nearby = nearby;
        this.backInStock = backInStock;
        this.commands = commands;
    }

    record AvailabilityQuery(@NotEmpty @Size(max = Availability.MAX_VARIANTS) List<@NotBlank String> skus) {
    }

    record SubscriptionRequest(@NotBlank String sku, @NotBlank @Email @Size(max = 320) String email) {
    }

    /** One or a few SKUs in the query string: {@code ?sku=A&sku=B}. */
    @GetMapping("/api/v1/availability")
    Mono<List<Availability.VariantAvailability>> get(@AuthenticationPrincipal Caller caller, @RequestParam("sku") List<String> skus) {
        return availability.forSkus(caller.asMerchant().merchantId(), skus);
    }

    /** Up to 500 SKUs in a body; a read, so it needs no Idempotency-Key. */
    @PostMapping("/api/v1/availability/query")
    @NotACommand("a read sent as POST because 500 SKUs do not fit in a query string")
    Mono<List<Availability.VariantAvailability>> query(@AuthenticationPrincipal Caller caller, @Valid @RequestBody AvailabilityQuery query) {
        return availability.forSkus(caller.asMerchant().merchantId(), query.skus());
    }

    @GetMapping("/api/v1/availability/nearby")
    Mono<List<NearbyStock.NearbyNode>> nearby(@AuthenticationPrincipal Caller caller,
                                              @RequestParam String sku,
                                              @RequestParam double latitude,
                                              @RequestParam double longitude,
                                              @RequestParam(name = "radius_km", defaultValue = "50") double radiusKm,
                                              @RequestParam(required = false) String kind) {
        return nearby.near(caller.asMerchant().merchantId(), sku, latitude, longitude, radiusKm, kind);
    }

    @PostMapping("/api/v1/back-in-stock-subscriptions")
    Mono<ResponseEntity<String>> subscribe(@AuthenticationPrincipal Caller caller, @Valid @RequestBody SubscriptionRequest request) {
        UUID merchantId = caller.asMerchant().merchantId();
        return commands.run(CommandScope.merchant(merchantId), request, HttpStatus.CREATED,
                () -> backInStock.subscribe(merchantId, request.sku(), request.email()));
    }

    @GetMapping("/api/v1/back-in-stock-subscriptions")
    Mono<Page<BackInStock.Subscription>> subscriptions(@AuthenticationPrincipal Caller caller, @RequestParam String sku,
                                                       @RequestParam(required = false) Integer limit,
                                                       @RequestParam(required = false) String after) {
        return backInStock.forSku(caller.asMerchant().merchantId(), sku, Cursor.decode(after), Cursor.limit(limit));
    }

    @DeleteMapping("/api/v1/back-in-stock-subscriptions/{id}")
    Mono<ResponseEntity<String>> cancel(@AuthenticationPrincipal Caller caller, @PathVariable UUID id) {
        UUID merchantId = caller.asMerchant().merchantId();
        return commands.run(CommandScope.merchant(merchantId), null, HttpStatus.NO_CONTENT, () -> backInStock.cancel(merchantId, id));
    }
}
