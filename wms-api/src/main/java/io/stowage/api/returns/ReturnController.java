package io.stowage.api.returns;

import io.stowage.api.access.Caller;
import io.stowage.api.access.Secrets;
import io.stowage.api.access.WorkerRole;
import io.stowage.api.commands.CommandScope;
import io.stowage.api.commands.Commands;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * Returns over HTTP. The merchant opens a return for a customer and reads it (with the station's
 * photos); a worker of the node it comes back to scans its RMA or return label, photographs it and
 * receives its units graded.
 */
@RestController
class ReturnController {

    private static final WorkerRole[] STATION = {WorkerRole.RETURNS, WorkerRole.SUPERVISOR};

    private final ReturnRequests requests;
    private final ReturnReads reads;
    private final ReturnStation station;
    private final ReturnPhotos photos;
    private final Commands commands;

    ReturnController(ReturnRequests requests, ReturnReads reads, ReturnStation station, ReturnPhotos photos, Commands commands) {
        this.requests = requests;
        this.reads = reads;
        this.station = station;
        this.photos = photos;
        this.commands = commands;
    }

    record ReturnItemRequest(@NotBlank @Size(max = 100) String sku, @NotNull @Positive @Max(10_000) Integer quantity,
                       @NotBlank @Size(max = 60) String reason, @Size(min = 1, max = 100) String exchangeSku) {
    }

    record ReturnRequest(@NotNull UUID orderId, @NotEmpty @Size(max = 200) List<@NotNull @Valid ReturnItemRequest> items) {
    }

    @PostMapping("/api/v1/returns")
    Mono<ResponseEntity<String>> open(@AuthenticationPrincipal Caller caller, @Valid @RequestBody ReturnRequest request) {
        UUID merchantId = caller.asMerchant().merchantId();
        List<ReturnRequests.Item> items = request.items().stream()
                .map(i -> new ReturnRequests.Item(i.sku().trim(), i.quantity(), i.reason(), i.exchangeSku() == null ? null : i.exchangeSku().trim()))
                .toList();
        return commands.require(CommandScope.merchant(merchantId), request, HttpStatus.CREATED,
                () -> requests.open(merchantId, request.orderId(), items, "merchant"));
    }

    @GetMapping("/api/v1/returns/{id}")
    Mono<ReturnView> get(@AuthenticationPrincipal Caller caller, @PathVariable UUID id) {
        return reads.get(caller.asMerchant().merchantId(), id);
    }

    @GetMapping("/api/v1/returns/{id}/photos/{photoId}")
    Mono<ResponseEntity<byte[]>> photo(@AuthenticationPrincipal Caller caller, @PathVariable UUID id, @PathVariable UUID photoId) {
        return photos.image(caller.asMerchant().merchantId(), id, photoId)
                .map(image -> ResponseEntity.ok().contentType(MediaType.parseMediaType(image.contentType()))
                        .header(HttpHeaders.CACHE_CONTROL, "private, max-age=86400").body(image.bytes()));
    }

    /** The return label; {@code format} is pdf (default), png or zpl. */
    @GetMapping("/api/v1/returns/{id}/label")
    Mono<ResponseEntity<byte[]>> label(@AuthenticationPrincipal Caller caller, @PathVariable UUID id, @RequestParam(required = false) String format) {
        UUID merchantId = caller.asMerchant().merchantId();
        ReturnView.LabelFormat wanted = ReturnView.LabelFormat.parse(format);
        return reads.header(id).filter(header -> header.merchantId().equals(merchantId))
                .switchIfEmpty(Mono.error(() -> io.stowage.api.problem.ApiProblem.notFound("Return", id)))
                .flatMap(header -> reads.labelDocument(merchantId, id, wanted)
                        .map(bytes -> labelFile(header.rma(), wanted, bytes)));
    }

    /** The drop-off QR code, for carriers that take the parcel without a printed label. */
    @GetMapping("/api/v1/returns/{id}/drop-off.png")
    Mono<ResponseEntity<byte[]>> dropOff(@AuthenticationPrincipal Caller caller, @PathVariable UUID id) {
        return reads.dropOffCode(caller.asMerchant().merchantId(), id).flatMap(ReturnLabelFiles::qrPng).map(ReturnLabelFiles::png);
    }

    static ResponseEntity<byte[]> labelFile(String rma, ReturnView.LabelFormat format, byte[] bytes) {
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(format.contentType))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline().filename(rma + "." + format.extension()).build().toString())
                .body(bytes);
    }

    /** The return whose RMA or return-label tracking number the station scanned. */
    @GetMapping("/api/v1/return-station/returns/{code}")
    Mono<ReturnView> scan(@AuthenticationPrincipal Caller caller, @PathVariable String code) {
        Caller.Worker worker = caller.asWorker(STATION);
        return reads.scanned(worker.nodeId(), code).flatMap(header -> reads.view(header.id()));
    }

    /** A JPEG or PNG photo of what came back, as the request body. */
    @PostMapping("/api/v1/returns/{id}/photos")
    Mono<ResponseEntity<String>> addPhoto(@AuthenticationPrincipal Caller caller, @PathVariable UUID id, ServerHttpRequest http) {
        Caller.Worker worker = caller.asWorker(STATION);
        return ReturnPhotos.body(http).flatMap(ReturnPhotos::check)
                .flatMap(checked -> commands.run(CommandScope.worker(worker),
                        Map.of("sha256", HexFormat.of().formatHex(Secrets.sha256(HexFormat.of().formatHex(checked.bytes())))), HttpStatus.CREATED,
                        () -> photos.add(worker, id, checked)));
    }

    record ReturnScanRequest(@NotBlank @Size(max = 100) String item, @NotNull @Positive @Max(10_000) Integer quantity,
                       @NotNull @Pattern(regexp = "restock|refurbish|quarantine|dispose", message = "must be restock, refurbish, quarantine or dispose") String grade,
                       @Size(min = 1, max = 60) String locationCode) {
    }

    record ReturnReceiptRequest(@NotBlank @Size(max = 60) String locationCode, @NotEmpty @Size(max = 500) List<@NotNull @Valid ReturnScanRequest> items) {
    }

    @PostMapping("/api/v1/returns/{id}/receipt")
    Mono<ResponseEntity<String>> receive(@AuthenticationPrincipal Caller caller, @PathVariable UUID id, @Valid @RequestBody ReturnReceiptRequest request) {
        Caller.Worker worker = caller.asWorker(STATION);
        List<ReturnStation.Scanned> scans = request.items().stream()
                .map(s -> new ReturnStation.Scanned(s.item(), s.quantity(), ReturnStation.Grade.parse(s.grade()), s.locationCode()))
                .toList();
        return commands.require(CommandScope.worker(worker), request, HttpStatus.OK,
                () -> station.receive(worker, id, request.locationCode().trim(), scans));
    }
}
