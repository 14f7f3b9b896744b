package io.stowage.api.catalog;

import io.stowage.api.access.Caller;
import io.stowage.api.commands.CommandScope;
import io.stowage.api.commands.Commands;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * Bulk upsert of a catalog, as JSON or CSV: all rows are checked first, then written in one
 * transaction, or nothing is. Importing the same catalog again changes nothing and says so.
 */
@RestController
class CatalogImportController {

    static final String TEXT_CSV = "text/csv";
    private static final String PATH = "/api/v1/catalog/imports";

    private final CatalogService catalog;
    private final Commands commands;
    private final ImportBodyReader bodies;

    CatalogImportController(CatalogService catalog, Commands commands, ImportBodyReader bodies) {
        this.catalog = catalog;
        this.commands = commands;
        this.bodies = bodies;
    }

    @PostMapping(path = PATH, consumes = MediaType.APPLICATION_JSON_VALUE)
    Mono<ResponseEntity<String>> importJson(@AuthenticationPrincipal Caller caller,
                                            ServerHttpRequest request) {
        UUID merchantId = caller.asMerchant().merchantId();
        return bodies.json(request).flatMap(input ->
                commands.run(CommandScope.merchant(merchantId), input, HttpStatus.OK, () -> catalog.importProducts(merchantId, input)));
    }

    @PostMapping(path = PATH, consumes = TEXT_CSV)
    Mono<ResponseEntity<String>> importCsv(@AuthenticationPrincipal Caller caller,
                                           ServerHttpRequest request) {
        UUID merchantId = caller.asMerchant().merchantId();
        return bodies.text(request).flatMap(csv ->
                commands.run(CommandScope.merchant(merchantId), csv, HttpStatus.OK, () -> catalog.importCsv(merchantId, csv)));
    }
}
