package io.stowage.api.network;

import io.stowage.api.access.Caller;
import io.stowage.api.commands.CommandScope;
import io.stowage.api.commands.Commands;
import io.stowage.api.paging.Page;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

@RestController
class NodeController {

    private final Nodes nodes;
    private final Commands commands;

    NodeController(Nodes nodes, Commands commands) {
        this.nodes = nodes;
        this.commands = commands;
    }

    record AddressRequest(
            @NotBlank @Size(max = 300) String line,
            @NotBlank @Size(max = 100) String city,
            @NotBlank @Size(max = 20) String postalCode,
            @NotNull @Pattern(regexp = "[A-Z]{2}", message = "must be an ISO 3166-1 alpha-2 country code such as LT or DE") String country) {
    }

    record NodeRequest(
            @NotBlank @Size(max = 20) @Pattern(regexp = NetworkCodes.CODE, message = NetworkCodes.CODE_MESSAGE) String code,
            @NotNull @Pattern(regexp = "warehouse|store", message = "must be warehouse or store") String kind,
            @NotBlank @Size(max = 200) String name,
            UUID merchantId,
            @NotNull @Valid AddressRequest address,
            @NotNull @DecimalMin("-90") @DecimalMax("90") Double latitude,
            @NotNull @DecimalMin("-180") @DecimalMax("180") Double longitude,
            @NotBlank @Size(max = 64) String timeZone) {
    }

    /** Adds a warehouse or a store; the administrator only. */
    @PostMapping("/api/v1/nodes")
    Mono<ResponseEntity<String>> create(@AuthenticationPrincipal Caller caller,
                                        @Valid @RequestBody NodeRequest request) {
        AddressRequest a = request.address();
        Nodes.NewNode node = new Nodes.NewNode(request.code(), request.kind(), request.name(), request.merchantId(),
                new Node.Address(a.line(), a.city(), a.postalCode(), a.country()),
                request.latitude(), request.longitude(), request.timeZone());
        return commands.run(CommandScope.of(caller), request, HttpStatus.CREATED, () -> nodes.create(caller, node));
    }

    @GetMapping("/api/v1/nodes")
    Mono<Page<Node>> list(@AuthenticationPrincipal Caller caller,
                          @RequestParam(required = false) Integer limit,
                          @RequestParam(required = false) String after) {
        return nodes.list(caller, limit, after);
    }

    /** The nodes the caller may see, nearest first: "which stores are near this customer". */
    @GetMapping("/api/v1/nodes/near")
    Mono<List<NearbyNode>> near(@AuthenticationPrincipal Caller caller,
                                @RequestParam double latitude,
                                @RequestParam double longitude,
                                @RequestParam(required = false) String kind,
                                @RequestParam(required = false) Integer limit) {
        return nodes.near(caller, latitude, longitude, kind, limit);
    }

    @GetMapping("/api/v1/nodes/{code}")
    Mono<Node> get(@AuthenticationPrincipal Caller caller, @PathVariable String code) {
        return nodes.visible(caller, code);
    }
}
