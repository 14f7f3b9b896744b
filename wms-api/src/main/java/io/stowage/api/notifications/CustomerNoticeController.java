package io.stowage.api.notifications;

import io.stowage.api.access.Caller;
import io.stowage.api.paging.Page;
import java.util.UUID;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** "Did my customer get told?": the notices of one of the merchant's orders. */
@RestController
class CustomerNoticeController {

    private final CustomerNoticeQueries notices;

    CustomerNoticeController(CustomerNoticeQueries notices) {
        this.notices = notices;
    }

    @GetMapping("/api/v1/orders/{orderId}/notices")
    Mono<Page<CustomerNoticeQueries.NoticeView>> list(@AuthenticationPrincipal Caller caller, @PathVariable UUID orderId,
                                                      @RequestParam(required = false) Integer limit,
                                                      @RequestParam(required = false) String after) {
        return notices.forOrder(caller.asMerchant().merchantId(), orderId, limit, after);
    }
}
