package io.stowage.api.inventory;

import io.stowage.api.access.Caller;
import io.stowage.api.paging.Cursor;
import io.stowage.api.paging.Page;
import io.stowage.api.problem.ApiProblem;
import java.util.List;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

@RestController
class StockController {

    private final StockQueries queries;

    StockController(StockQueries queries) {
        this.queries = queries;
    }

    @GetMapping("/api/v1/stock/movements")
    Mono<Page<StockQueries.LedgerEntry>> movements(@AuthenticationPrincipal Caller caller,
                                                   @RequestParam(required = false) String sku,
                                                   @RequestParam(required = false) Integer limit,
                                                   @RequestParam(required = false) String after) {
        String afterKey = Cursor.decode(after);
        long afterId;
        try {
            afterId = afterKey.isEmpty() ? 0 : Long.parseLong(afterKey);
        } catch (NumberFormatException e) {
            throw ApiProblem.invalid("after", "is not a cursor this API gave out");
        }
        return queries.movements(caller.asMerchant().merchantId(), sku, afterId, Cursor.limit(limit));
    }

    @GetMapping("/api/v1/stock/balances")
    Mono<List<StockQueries.Balance>> balances(@AuthenticationPrincipal Caller caller, @RequestParam String sku) {
        return queries.balances(caller.asMerchant().merchantId(), sku);
    }

    /** The audit of the books: every disagreement between the ledger and a balance; empty when they agree. */
    @GetMapping("/api/v1/admin/stock/reconciliation")
    Mono<List<StockQueries.Discrepancy>> reconciliation() {
        return queries.reconcile();
    }
}
