package io.stowage.api.slips;

import io.stowage.api.access.Caller;
import java.util.UUID;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * A closed carton's packing slip: the PDF to print at the pack station (A5, or A4 with
 * {@code size=a4}), and the same slip as JSON, with the inserts its rules could not put in for want of stock.
 */
@RestController
class PackingSlipController {

    private final PackingSlips slips;

    PackingSlipController(PackingSlips slips) {
        this.slips = slips;
    }

    @GetMapping("/api/v1/cartons/{id}/packing-slip.pdf")
    Mono<ResponseEntity<byte[]>> pdf(@AuthenticationPrincipal Caller caller, @PathVariable UUID id,
                                     @RequestParam(required = false) String size) {
        PaperSize paper = PaperSize.named(size);
        return slips.of(caller, id)
                .publishOn(Schedulers.boundedElastic())
                .map(slip -> ResponseEntity.ok()
                        .contentType(MediaType.APPLICATION_PDF)
                        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
                                .filename("packing-slip-" + slip.orderNumber() + "-" + slip.cartonNumber() + ".pdf").build().toString())
                        .body(PackingSlipPdf.render(slip, paper)));
    }

    @GetMapping("/api/v1/cartons/{id}/packing-slip")
    Mono<PackingSlip> slip(@AuthenticationPrincipal Caller caller, @PathVariable UUID id) {
        return slips.of(caller, id);
    }
}
