package io.stowage.api.catalog;

import io.stowage.api.access.Caller;
import io.stowage.api.commands.CommandScope;
import io.stowage.api.commands.Commands;
import io.stowage.api.paging.Page;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** A merchant's products and variants, one at a time. Bulk changes go through {@link CatalogImportController}. */
@RestController
class CatalogController {

    private final CatalogService catalog;
    private final Commands commands;

    CatalogController(CatalogService catalog, Commands commands) {
        this.catalog = catalog;
        this.commands = commands;
    }

    record AlternativesRequest(@NotNull @Size(max = 20) List<String> alternatives) {
    }

    /** Creates (201) or replaces (200) a product; its fields are checked by the service so that all problems come at once. */
    @PutMapping("/api/v1/products/{productCode}")
    Mono<ResponseEntity<String>> save(@AuthenticationPrincipal Caller caller, @PathVariable String productCode,
                                      @RequestBody ProductInput product) {
        UUID merchantId = caller.asMerchant().merchantId();
        return commands.run(CommandScope.merchant(merchantId), product, HttpStatus.OK,
                () -> catalog.saveProduct(merchantId, productCode, product)
                        .map(saved -> ResponseEntity.status(saved.productCreated() ? HttpStatus.CREATED : HttpStatus.OK).body(saved)));
    }

    @GetMapping("/api/v1/products")
    Mono<Page<Product>> products(@AuthenticationPrincipal Caller caller, @RequestParam(required = false) String after,
                                 @RequestParam(required = false) Integer limit) {
        return catalog.products(caller.asMerchant().merchantId(), after, limit);
    }

    @GetMapping("/api/v1/products/{productCode}")
    Mono<Product> product(@AuthenticationPrincipal Caller caller, @PathVariable String productCode) {
        return catalog.product(caller.asMerchant().merchantId(), productCode);
    }

    @GetMapping("/api/v1/variants")
    Mono<Page<Variant>> variants(@AuthenticationPrincipal Caller caller, @RequestParam(required = false) String sku,
                                 @RequestParam(required = false) String gtin, @RequestParam(required = false) String after,
                                 @RequestParam(required = false) Integer limit) {
        return catalog.variants(caller.asMerchant().merchantId(), sku, gtin, after, limit);
    }

    @GetMapping("/api/v1/variants/{sku}")
    Mono<Variant> variant(@AuthenticationPrincipal Caller caller, @PathVariable String sku) {
        return catalog.variant(caller.asMerchant().merchantId(), sku);
    }

    @PutMapping("/api/v1/variants/{sku}/alternatives")
    Mono<ResponseEntity<String>> alternatives(@AuthenticationPrincipal Caller caller, @PathVariable String sku,
                                              @Valid @RequestBody AlternativesRequest request) {
        UUID merchantId = caller.asMerchant().merchantId();
        return commands.run(CommandScope.merchant(merchantId), request, HttpStatus.OK,
                () -> catalog.replaceAlternatives(merchantId, sku, request.alternatives()));
    }

    @DeleteMapping("/api/v1/variants/{sku}")
    Mono<ResponseEntity<String>> delete(@AuthenticationPrincipal Caller caller, @PathVariable String sku) {
        UUID merchantId = caller.asMerchant().merchantId();
        return commands.run(CommandScope.merchant(merchantId), null, HttpStatus.NO_CONTENT, () -> catalog.deleteVariant(merchantId, sku));
    }
}
