package io.stowage.api.network;

import io.stowage.api.access.Caller;
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

/** Printable location labels; see {@link LocationLabels} for their sizes. */
@RestController
class LabelController {

    private final Locations locations;

    LabelController(Locations locations) {
        this.locations = locations;
    }

    @GetMapping(path = "/api/v1/nodes/{code}/locations/{locationCode}/label.png")
    Mono<ResponseEntity<byte[]>> png(@AuthenticationPrincipal Caller caller, @PathVariable String code, @PathVariable String locationCode) {
        return locations.get(caller, code, locationCode)
                .publishOn(Schedulers.boundedElastic())
                .map(location -> LocationLabels.png(location.code()))
                .map(png -> file(png, MediaType.IMAGE_PNG, code + "-" + locationCode + ".png"));
    }

    /** One label per page; {@code zone}, {@code aisle} and {@code type} narrow what is printed. */
    @GetMapping(path = "/api/v1/nodes/{code}/location-labels.pdf")
    Mono<ResponseEntity<byte[]>> pdf(@AuthenticationPrincipal Caller caller, @PathVariable String code,
                                     @RequestParam(required = false) String zone, @RequestParam(required = false) Integer aisle,
                                     @RequestParam(required = false) String type) {
        return locations.labelCodes(caller, code, zone, aisle, type)
                .publishOn(Schedulers.boundedElastic())
                .map(LocationLabels::pdf)
                .map(pdf -> file(pdf, MediaType.APPLICATION_PDF, code + "-location-labels.pdf"));
    }

    private static ResponseEntity<byte[]> file(byte[] body, MediaType type, String filename) {
        return ResponseEntity.ok()
                .contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline().filename(filename).build().toString())
                .body(body);
    }
}
