package io.stowage.api.catalog;

import io.stowage.api.access.Caller;
import io.stowage.api.paging.Page;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** A merchant's products and variants, one at a time. Bulk changes go through {@link CatalogImportController}. */
@RestController
class CatalogController {

    private final CatalogService catalog;

    CatalogController(CatalogService catalog) {
        this.catalog = catalog;
    }

    record AlternativesRequest(@NotNull @Size(max = 20) List<String> alternatives) {
    }

    /** Creates (201) or replaces (200) a product; its fields are checked by the service so that all problems come at once. */
    @PutMapping("/api/v1/products/{productCode}")
    Mono<ResponseEntity<ProductSaved>> save(@AuthenticationPrincipal Caller caller, @PathVariable String productCode,
                                            @RequestBody ProductInput product) {
        return catalog.saveProduct(caller.asMerchant().merchantId(), productCode, product)
                .map(saved -> ResponseEntity.status(saved.productCreated() ? HttpStatus.CREATED : HttpStatus.OK).body(saved));
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
    Mono<Variant> alternatives(@AuthenticationPrincipal Caller caller, @PathVariable String sku,
                               @Valid @RequestBody AlternativesRequest request) {
        return catalog.replaceAlternatives(caller.asMerchant().merchantId(), sku, request.alternatives());
    }

    @DeleteMapping("/api/v1/variants/{sku}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    Mono<Void> delete(@AuthenticationPrincipal Caller caller, @PathVariable String sku) {
        return catalog.deleteVariant(caller.asMerchant().merchantId(), sku);
    }
}
