package io.stowage.api.shipping;

import io.stowage.api.access.Caller;
import io.stowage.api.access.WorkerRole;
import io.stowage.api.commands.CommandScope;
import io.stowage.api.commands.Commands;
import io.stowage.api.paging.Page;
import java.util.UUID;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * Shipments for the pack station, the supervisor and the merchant: the label in ZPL (default),
 * PDF or PNG, printed again as often as needed; the {@code label_failed} queue and its retry; void
 * before pickup. Workers see their node's shipments, merchants their own.
 */
@RestController
class ShipmentController {

    private final ShipmentDesk desk;
    private final Commands commands;

    ShipmentController(ShipmentDesk desk, Commands commands) {
        this.desk = desk;
        this.commands = commands;
    }

    @GetMapping("/api/v1/shipments")
    Mono<Page<ShipmentView>> list(@AuthenticationPrincipal Caller caller, @RequestParam(required = false) String status,
                                  @RequestParam(name = "order_id", required = false) UUID orderId,
                                  @RequestParam(required = false) Integer limit, @RequestParam(required = false) String after) {
        return desk.list(ShipmentScope.of(caller), status, orderId, limit, after);
    }

    @GetMapping("/api/v1/shipments/{id}")
    Mono<ShipmentView> get(@AuthenticationPrincipal Caller caller, @PathVariable UUID id) {
        return desk.get(ShipmentScope.of(caller), id);
    }

    @GetMapping("/api/v1/cartons/{cartonId}/shipment")
    Mono<ShipmentView> ofCarton(@AuthenticationPrincipal Caller caller, @PathVariable UUID cartonId) {
        return desk.ofCarton(ShipmentScope.of(caller), cartonId);
    }

    /** The label; {@code format} is zpl (default), pdf or png. Every call after the first is a reprint of the same label. */
    @GetMapping("/api/v1/shipments/{id}/label")
    Mono<ResponseEntity<byte[]>> label(@AuthenticationPrincipal Caller caller, @PathVariable UUID id,
                                       @RequestParam(required = false) String format) {
        ShipmentDesk.Format wanted = ShipmentDesk.Format.parse(format);
        return desk.label(ShipmentScope.of(caller), id, wanted).map(ShipmentController::file);
    }

    /** The label of the carton's shipment, for a packer who scans the carton. */
    @GetMapping("/api/v1/cartons/{cartonId}/label")
    Mono<ResponseEntity<byte[]>> cartonLabel(@AuthenticationPrincipal Caller caller, @PathVariable UUID cartonId,
                                             @RequestParam(required = false) String format) {
        ShipmentDesk.Format wanted = ShipmentDesk.Format.parse(format);
        ShipmentScope scope = ShipmentScope.of(caller);
        return desk.ofCarton(scope, cartonId).flatMap(shipment -> desk.label(scope, shipment.id(), wanted)).map(ShipmentController::file);
    }

    /** A label_failed shipment tries its purchase again: 202, the shipment is label_pending until the carrier answers. */
    @PostMapping("/api/v1/shipments/{id}/retry")
    Mono<ResponseEntity<String>> retry(@AuthenticationPrincipal Caller caller, @PathVariable UUID id) {
        requireShippingRole(caller);
        return commands.run(CommandScope.of(caller), null, HttpStatus.ACCEPTED, () -> desk.retry(ShipmentScope.of(caller), id));
    }

    /** Voids the label at the carrier before pickup; the shipment becomes voided and {@code shipment.voided} is sent. */
    @PostMapping("/api/v1/shipments/{id}/void")
    Mono<ResponseEntity<String>> voidLabel(@AuthenticationPrincipal Caller caller, @PathVariable UUID id) {
        requireShippingRole(caller);
        return commands.run(CommandScope.of(caller), null, HttpStatus.OK, () -> desk.voidLabel(ShipmentScope.of(caller), id));
    }

    /**
     * A new label for a carton whose label was voided: 202 with the new shipment (new SSCC), label_pending
     * until the carrier answers. Refused (409 carton-not-relabellable) while the carton has a live label.
     */
    @PostMapping("/api/v1/cartons/{cartonId}/relabel")
    Mono<ResponseEntity<String>> relabel(@AuthenticationPrincipal Caller caller, @PathVariable UUID cartonId) {
        requireShippingRole(caller);
        return commands.require(CommandScope.of(caller), null, HttpStatus.ACCEPTED, () -> desk.relabel(ShipmentScope.of(caller), cartonId));
    }

    /** Packers and supervisors act on their node's shipments; merchants and the administrator on theirs. */
    private static void requireShippingRole(Caller caller) {
        if (caller instanceof Caller.Worker) {
            caller.asWorker(WorkerRole.PACKER, WorkerRole.SUPERVISOR);
        }
    }

    private static ResponseEntity<byte[]> file(ShipmentDesk.LabelDocument label) {
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(label.format().mediaType))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
                        .filename(label.sscc() + "." + label.format().name().toLowerCase(java.util.Locale.ROOT)).build().toString())
                .body(label.bytes());
    }
}
