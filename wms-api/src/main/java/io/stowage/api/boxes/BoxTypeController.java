package io.stowage.api.boxes;

import io.stowage.api.access.Caller;
import io.stowage.api.commands.CommandScope;
import io.stowage.api.commands.Commands;
import io.stowage.api.paging.Page;
import jakarta.validation.Valid;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * Box types: a merchant's own under {@code /api/v1/box-types} (its key), the 3PL's, offered to every
 * merchant, under {@code /api/v1/admin/box-types} (the admin key: the security configuration keeps
 * {@code /api/v1/admin/**} to it). A merchant reads the 3PL's boxes among its own but changes only its own.
 */
@RestController
class BoxTypeController {

    private final BoxTypes boxTypes;
    private final Commands commands;

    BoxTypeController(BoxTypes boxTypes, Commands commands) {
        this.boxTypes = boxTypes;
        this.commands = commands;
    }

    @PutMapping("/api/v1/box-types/{code}")
    Mono<ResponseEntity<String>> save(@AuthenticationPrincipal Caller caller, @PathVariable String code,
                                      @Valid @RequestBody BoxTypeInput input) {
        UUID merchantId = caller.asMerchant().merchantId();
        return commands.run(CommandScope.merchant(merchantId), input, HttpStatus.OK, () -> boxTypes.save(merchantId, code, input));
    }

    /** The box types the merchant may pack in: its own and the 3PL's, active ones, by code. */
    @GetMapping("/api/v1/box-types")
    Mono<Page<BoxTypeView>> list(@AuthenticationPrincipal Caller caller, @RequestParam(required = false) String after,
                                 @RequestParam(required = false) Integer limit) {
        return boxTypes.page(caller.asMerchant().merchantId(), after, limit);
    }

    @GetMapping("/api/v1/box-types/{code}")
    Mono<BoxTypeView> get(@AuthenticationPrincipal Caller caller, @PathVariable String code) {
        return boxTypes.usable(caller.asMerchant().merchantId(), code);
    }

    @DeleteMapping("/api/v1/box-types/{code}")
    Mono<ResponseEntity<String>> retire(@AuthenticationPrincipal Caller caller, @PathVariable String code) {
        UUID merchantId = caller.asMerchant().merchantId();
        return commands.run(CommandScope.merchant(merchantId), null, HttpStatus.NO_CONTENT, () -> boxTypes.retire(merchantId, code));
    }

    /** Not idempotent by nature (boxes received twice are twice the boxes), so the Idempotency-Key is required. */
    @PostMapping("/api/v1/box-types/{code}/stock-adjustments")
    Mono<ResponseEntity<String>> adjust(@AuthenticationPrincipal Caller caller, @PathVariable String code,
                                        @Valid @RequestBody StockAdjustment adjustment) {
        Caller.Merchant merchant = caller.asMerchant();
        return commands.require(CommandScope.merchant(merchant.merchantId()), adjustment, HttpStatus.OK,
                () -> boxTypes.adjustStock(merchant.merchantId(), code, adjustment, merchant.actor()));
    }

    /** Every change of the merchant's own box type's stock: receipts, write-offs, counts and closed cartons, newest first. */
    @GetMapping("/api/v1/box-types/{code}/stock-movements")
    Mono<Page<StockMovement>> movements(@AuthenticationPrincipal Caller caller, @PathVariable String code,
                                        @RequestParam(required = false) String after, @RequestParam(required = false) Integer limit) {
        return boxTypes.movements(caller.asMerchant().merchantId(), code, after, limit);
    }

    @GetMapping("/api/v1/admin/box-types/{code}/stock-movements")
    Mono<Page<StockMovement>> sharedMovements(@AuthenticationPrincipal Caller caller, @PathVariable String code,
                                              @RequestParam(required = false) String after, @RequestParam(required = false) Integer limit) {
        caller.requireAdminOrSupervisor();
        return boxTypes.movements(null, code, after, limit);
    }

    @PutMapping("/api/v1/admin/box-types/{code}")
    Mono<ResponseEntity<String>> saveShared(@AuthenticationPrincipal Caller caller, @PathVariable String code,
                                            @Valid @RequestBody BoxTypeInput input) {
        caller.requireAdminOrSupervisor();
        return commands.run(CommandScope.of(caller), input, HttpStatus.OK, () -> boxTypes.save(null, code, input));
    }

    /** The 3PL's box types, retired ones too. */
    @GetMapping("/api/v1/admin/box-types")
    Mono<Page<BoxTypeView>> listShared(@AuthenticationPrincipal Caller caller, @RequestParam(required = false) String after,
                                       @RequestParam(required = false) Integer limit) {
        caller.requireAdminOrSupervisor();
        return boxTypes.page(null, after, limit);
    }

    @GetMapping("/api/v1/admin/box-types/{code}")
    Mono<BoxTypeView> getShared(@AuthenticationPrincipal Caller caller, @PathVariable String code) {
        caller.requireAdminOrSupervisor();
        return boxTypes.owned(null, code);
    }

    @DeleteMapping("/api/v1/admin/box-types/{code}")
    Mono<ResponseEntity<String>> retireShared(@AuthenticationPrincipal Caller caller, @PathVariable String code) {
        caller.requireAdminOrSupervisor();
        return commands.run(CommandScope.of(caller), null, HttpStatus.NO_CONTENT, () -> boxTypes.retire(null, code));
    }

    @PostMapping("/api/v1/admin/box-types/{code}/stock-adjustments")
    Mono<ResponseEntity<String>> adjustShared(@AuthenticationPrincipal Caller caller, @PathVariable String code,
                                              @Valid @RequestBody StockAdjustment adjustment) {
        caller.requireAdminOrSupervisor();
        return commands.require(CommandScope.of(caller), adjustment, HttpStatus.OK,
                () -> boxTypes.adjustStock(null, code, adjustment, caller.actor()));
    }
}
