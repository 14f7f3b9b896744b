package io.stowage.api.billing;

import io.stowage.api.access.Caller;
import io.stowage.api.paging.Cursor;
import java.util.List;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** A merchant reads its own finalised invoices and credit notes and the charge lines behind them; anyone else's is not found. */
@RestController
class InvoiceController {

    private final Invoices invoices;
    private final InvoiceDocuments documents;

    InvoiceController(Invoices invoices, InvoiceDocuments documents) {
        this.invoices = invoices;
        this.documents = documents;
    }

    @GetMapping("/api/v1/invoices")
    Mono<List<Invoices.Invoice>> list(@AuthenticationPrincipal Caller caller) {
        return invoices.list(caller.asMerchant().merchantId(), null);
    }

    @GetMapping("/api/v1/invoices/{id}")
    Mono<Invoices.Invoice> get(@AuthenticationPrincipal Caller caller, @PathVariable UUID id) {
        return invoices.get(caller.asMerchant().merchantId(), id);
    }

    @GetMapping("/api/v1/invoices/{id}/lines")
    Mono<List<Invoices.Line>> lines(@AuthenticationPrincipal Caller caller, @PathVariable UUID id, @RequestParam(required = false) Integer after,
                                    @RequestParam(required = false) Integer limit) {
        return invoices.lines(caller.asMerchant().merchantId(), id, after == null ? 0 : after, Cursor.limit(limit));
    }

    @GetMapping(value = "/api/v1/invoices/{id}/lines.csv", produces = "text/csv")
    Flux<String> csv(@AuthenticationPrincipal Caller caller, @PathVariable UUID id) {
        return documents.csv(caller.asMerchant().merchantId(), id);
    }

    @GetMapping(value = "/api/v1/invoices/{id}/pdf", produces = MediaType.APPLICATION_PDF_VALUE)
    Mono<byte[]> pdf(@AuthenticationPrincipal Caller caller, @PathVariable UUID id) {
        return documents.pdf(caller.asMerchant().merchantId(), id);
    }
}
