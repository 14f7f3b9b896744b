package io.stowage.api.dispatch;

import io.stowage.api.access.Caller;
import io.stowage.api.access.WorkerRole;
import io.stowage.api.commands.CommandScope;
import io.stowage.api.commands.Commands;
import io.stowage.api.network.Network;
import io.stowage.api.paging.Page;
import io.stowage.api.problem.ApiProblem;
import io.stowage.api.problem.ProblemType;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The dock's scanner and the dispatcher's desk: carriers' loads at the worker's node, cartons scanned
 * onto them (an Idempotency-Key per scan), the close that ships them, and the manifest as PDF and CSV.
 * Packers and supervisors load; the administrator may read any node's loads.
 */
@RestController
class LoadController {

    private static final WorkerRole[] DOCK = {WorkerRole.PACKER, WorkerRole.SUPERVISOR};

    private final Loading loading;
    private final Manifests manifests;
    private final LoadQueries queries;
    private final Network network;
    private final Commands commands;

    LoadController(Loading loading, Manifests manifests, LoadQueries queries, Network network, Commands commands) {
        this.loading = loading;
        this.manifests = manifests;
        this.queries = queries;
        this.network = network;
        this.commands = commands;
    }

    record OpenRequest(@NotBlank String carrier, String dockCode, String trailer) {
    }

    record ScanRequest(@NotBlank String sscc) {
    }

    /** 201 with a new load of the carrier, or 200 with the one already open at the node. */
    @PostMapping("/api/v1/loads")
    Mono<ResponseEntity<String>> open(@AuthenticationPrincipal Caller caller, @Valid @RequestBody OpenRequest request) {
        Caller.Worker worker = caller.asWorker(DOCK);
        return commands.run(CommandScope.worker(worker), request, HttpStatus.CREATED,
                () -> loading.open(worker, request.carrier(), request.dockCode(), request.trailer()));
    }

    /** The node's loads, newest first; the administrator names the node with {@code node_code}. */
    @GetMapping("/api/v1/loads")
    Mono<Page<LoadView>> list(@AuthenticationPrincipal Caller caller, @RequestParam(required = false) String status,
                              @RequestParam(name = "node_code", required = false) String nodeCode,
                              @RequestParam(required = false) Integer limit, @RequestParam(required = false) String after) {
        return queries.node(readerNode(caller), nodeCode).flatMap(node -> queries.list(node.id(), status, limit, after));
    }

    @GetMapping("/api/v1/loads/{id}")
    Mono<LoadView> get(@AuthenticationPrincipal Caller caller, @PathVariable UUID id) {
        return queries.view(id, readerNode(caller));
    }

    /** Scans a carton onto the load: 201 with the carton and the load's totals, or a problem naming why not. */
    @PostMapping("/api/v1/loads/{id}/cartons")
    Mono<ResponseEntity<String>> scan(@AuthenticationPrincipal Caller caller, @PathVariable UUID id, @Valid @RequestBody ScanRequest request) {
        Caller.Worker worker = caller.asWorker(DOCK);
        return commands.require(CommandScope.worker(worker), request, HttpStatus.CREATED, () -> loading.scan(worker, id, request.sscc()));
    }

    /** Takes a carton off an open load. */
    @DeleteMapping("/api/v1/loads/{id}/cartons/{sscc}")
    Mono<ResponseEntity<String>> unload(@AuthenticationPrincipal Caller caller, @PathVariable UUID id, @PathVariable String sscc) {
        Caller.Worker worker = caller.asWorker(DOCK);
        return commands.run(CommandScope.worker(worker), null, HttpStatus.NO_CONTENT, () -> loading.unload(worker, id, sscc));
    }

    /** Closes the load with its manifest: what is on it ships. */
    @PostMapping("/api/v1/loads/{id}/close")
    Mono<ResponseEntity<String>> close(@AuthenticationPrincipal Caller caller, @PathVariable UUID id) {
        Caller.Worker worker = caller.asWorker(DOCK);
        return commands.require(CommandScope.worker(worker), null, HttpStatus.OK, () -> manifests.close(worker, id));
    }

    @GetMapping("/api/v1/loads/{id}/manifest.csv")
    Mono<ResponseEntity<byte[]>> csv(@AuthenticationPrincipal Caller caller, @PathVariable UUID id) {
        return closedLoad(caller, id)
                .map(load -> file(ManifestDocuments.csv(load), new MediaType("text", "csv", StandardCharsets.UTF_8),
                        load.manifestNumber() + ".csv"));
    }

    @GetMapping("/api/v1/loads/{id}/manifest.pdf")
    Mono<ResponseEntity<byte[]>> pdf(@AuthenticationPrincipal Caller caller, @PathVariable UUID id) {
        return closedLoad(caller, id)
                .flatMap(load -> network.node(load.nodeCode())
                        .publishOn(Schedulers.boundedElastic())
                        .map(node -> file(ManifestDocuments.pdf(load, node), MediaType.APPLICATION_PDF, load.manifestNumber() + ".pdf")));
    }

    private Mono<LoadView> closedLoad(Caller caller, UUID id) {
        return queries.view(id, readerNode(caller))
                .flatMap(load -> load.isOpen()
                        ? Mono.error(ApiProblem.of(ProblemType.LOAD_OPEN, "The " + load.carrier() + " load is still open; its manifest is written when it is closed"))
                        : Mono.just(load));
    }

    /** The node whose loads the caller may read: a dock worker's own, every node for the administrator. */
    private static UUID readerNode(Caller caller) {
        return caller instanceof Caller.Admin ? null : caller.asWorker(DOCK).nodeId();
    }

    private static ResponseEntity<byte[]> file(byte[] body, MediaType type, String filename) {
        return ResponseEntity.ok()
                .contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(filename).build().toString())
                .body(body);
    }
}
