package io.stowage.api.inbound;

import io.stowage.api.input.LineQuantity;
import jakarta.validation.constraints.Max;
import io.stowage.api.access.Caller;
import io.stowage.api.access.WorkerRole;
import io.stowage.api.commands.CommandScope;
import io.stowage.api.commands.Commands;
import io.stowage.api.inventory.StockRefs;
import io.stowage.api.inventory.StockStatus;
import io.stowage.api.problem.ApiProblem;
import io.stowage.api.problem.ProblemType;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.time.LocalDate;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

@RestController
class ReceivingController {

    private final Receiving receiving;
    private final Putaway putaway;
    private final StockRefs refs;
    private final Commands commands;

    ReceivingController(Receiving receiving, Putaway putaway, StockRefs refs, Commands commands) {
        this.receiving = receiving;
        this.putaway = putaway;
        this.refs = refs;
        this.commands = commands;
    }

    record ReceiptRequest(
            UUID asnId, UUID merchantId, String sku, String gtin,
            @NotNull @Positive @Max(LineQuantity.MAX) Integer quantity,
            String lotNumber, LocalDate expiresOn,
            @NotBlank String locationCode,
            StockStatus status,
            String cartonCode,
            String palletCode) {
    }

    @PostMapping("/api/v1/receipts")
    Mono<ResponseEntity<String>> receive(@AuthenticationPrincipal Caller caller,
                                         @Valid @RequestBody ReceiptRequest request) {
        Caller.Worker worker = caller.asWorker(WorkerRole.RECEIVER, WorkerRole.SUPERVISOR);
        if (request.asnId() == null && request.merchantId() == null && request.sku() != null) {
            throw ApiProblem.invalid("merchant_id", "a blind receipt by SKU needs the merchant_id");
        }
        StockStatus status = request.status() == null ? StockStatus.AVAILABLE : request.status();
        String carton = HandlingUnitCode.parse("carton_code", request.cartonCode());
        String pallet = HandlingUnitCode.parse("pallet_code", request.palletCode());
        return commands.require(CommandScope.worker(worker), request, HttpStatus.CREATED,
                        () -> receiving.receive(worker, new Receiving.ReceiveCommand(request.asnId(), request.merchantId(), request.sku(),
                                request.gtin(), request.quantity(), request.lotNumber(), request.expiresOn(), request.locationCode(), status, carton, pallet)));
    }

    /** Where to put units standing at a location, for the scanner's putaway screen. */
    @GetMapping("/api/v1/putaway-suggestions")
    Mono<Putaway.Suggestion> suggest(@AuthenticationPrincipal Caller caller,
                                     @RequestParam("location_code") String locationCode,
                                     @RequestParam(required = false) String sku,
                                     @RequestParam(required = false) String gtin,
                                     @RequestParam(name = "merchant_id", required = false) UUID merchantId) {
        Caller.Worker worker = caller.asWorker();
        return refs.location(worker.nodeId(), "location_code", locationCode)
                .zipWith(refs.variant(merchantId, sku, gtin))
                .flatMap(found -> putaway.suggest(worker.nodeId(), found.getT2().id(), found.getT1().id()))
                .switchIfEmpty(Mono.error(() -> ApiProblem.of(ProblemType.NO_FREE_LOCATION, "No pick face or free storage location is left in this warehouse")));
    }
}
