package io.stowage.api.counts;

import io.stowage.api.access.Caller;
import io.stowage.api.commands.CommandScope;
import io.stowage.api.commands.Commands;
import io.stowage.api.paging.Cursor;
import io.stowage.api.paging.Page;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** A merchant's own requests for cycle counts of its stock, billed to it (issue 14). */
@RestController
class CountRequestController {

    private final CountRequests requests;
    private final Commands commands;

    CountRequestController(CountRequests requests, Commands commands) {
        this.requests = requests;
        this.commands = commands;
    }

    /** Either one SKU (every location of the node holding the merchant's units of it) or location codes. */
    record CountRequest(@NotBlank @Size(max = 100) String nodeCode, @Size(min = 1, max = 200) String sku,
                        @Size(min = 1, max = 1000) List<@NotBlank @Size(max = 100) String> locationCodes) {
    }

    @PostMapping("/api/v1/count-requests")
    Mono<ResponseEntity<String>> request(@AuthenticationPrincipal Caller caller, @Valid @RequestBody CountRequest request) {
        Caller.Merchant merchant = caller.asMerchant();
        return commands.run(CommandScope.merchant(merchant.merchantId()), request, HttpStatus.CREATED,
                () -> requests.request(merchant, request.nodeCode(), request.sku(), request.locationCodes()));
    }

    @GetMapping("/api/v1/count-requests")
    Mono<Page<CountRequests.RequestedCount>> list(@AuthenticationPrincipal Caller caller,
                                                  @RequestParam(required = false) String status,
                                                  @RequestParam(required = false) Integer limit,
                                                  @RequestParam(required = false) String after) {
        return requests.list(caller.asMerchant().merchantId(), status, Cursor.decode(after), Cursor.limit(limit));
    }
}
