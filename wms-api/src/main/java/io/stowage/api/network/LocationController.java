package io.stowage.api.network;

import io.stowage.api.access.Caller;
import io.stowage.api.commands.CommandScope;
import io.stowage.api.commands.Commands;
import io.stowage.api.paging.Page;
import io.stowage.api.problem.ApiProblem;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

@RestController
class LocationController {

    /** Floor coordinates are within 10 km of the node's origin. */
    private static final int MAX_COORDINATE_MM = 10_000_000;

    private final Zones zones;
    private final Locations locations;
    private final RackLayouts rackLayouts;
    private final Commands commands;

    LocationController(Zones zones, Locations locations, RackLayouts rackLayouts, Commands commands) {
        this.zones = zones;
        this.locations = locations;
        this.rackLayouts = rackLayouts;
        this.commands = commands;
    }

    record ZoneRequest(
            @NotBlank @Size(max = 20) @Pattern(regexp = NetworkCodes.CODE, message = NetworkCodes.CODE_MESSAGE) String code,
            @NotBlank @Size(max = 200) String name) {
    }

    record LocationRequest(
            @NotBlank @Size(max = 20) @Pattern(regexp = NetworkCodes.CODE, message = NetworkCodes.CODE_MESSAGE) String code,
            String zoneCode,
            @NotNull @Pattern(regexp = LocationType.PATTERN, message = "must be one of " + LocationType.NAMES) String type,
            @Min(1) @Max(999) Integer aisle,
            @Min(1) @Max(999) Integer bay,
            @Min(1) @Max(99) Integer level,
            @NotNull @Min(-MAX_COORDINATE_MM) @Max(MAX_COORDINATE_MM) Integer xMm,
            @NotNull @Min(-MAX_COORDINATE_MM) @Max(MAX_COORDINATE_MM) Integer yMm) {

        NewLocation toNewLocation() {
            return new NewLocation(code, zoneCode, type, aisle, bay, level, xMm, yMm);
        }
    }

    record LocationsRequest(@NotEmpty @Size(max = 5000) List<@NotNull @Valid LocationRequest> locations) {
    }

    record NumberRange(@NotNull @Min(1) @Max(99) Integer from, @NotNull @Min(1) @Max(99) Integer to) {
    }

    record FloorPoint(@NotNull @Min(-MAX_COORDINATE_MM) @Max(MAX_COORDINATE_MM) Integer xMm,
                      @NotNull @Min(-MAX_COORDINATE_MM) @Max(MAX_COORDINATE_MM) Integer yMm) {
    }

    record RackLayoutRequest(
            @NotBlank String zoneCode,
            @NotNull @Pattern(regexp = LocationType.PATTERN, message = "must be one of " + LocationType.NAMES) String type,
            @NotNull @Valid NumberRange aisles,
            @NotNull @Valid NumberRange bays,
            @NotEmpty @Size(max = 26) List<@NotNull @Pattern(regexp = "[A-Z]", message = "must be one letter A to Z") String> levels,
            @NotNull @Min(1) @Max(100_000) Integer aislePitchMm,
            @NotNull @Min(1) @Max(100_000) Integer bayWidthMm,
            @Valid FloorPoint origin,
            Boolean bothSides) {

        RackLayout toLayout() {
            if (aisles.to() < aisles.from()) {
                throw ApiProblem.invalid("aisles.to", "must not be less than aisles.from");
            }
            if (bays.to() < bays.from()) {
                throw ApiProblem.invalid("bays.to", "must not be less than bays.from");
            }
            if (new HashSet<>(levels).size() != levels.size()) {
                throw ApiProblem.invalid("levels", "must not repeat a level");
            }
            FloorPoint start = origin == null ? new FloorPoint(0, 0) : origin;
            return new RackLayout(zoneCode, type, aisles.from(), aisles.to(), bays.from(), bays.to(), levels,
                    aislePitchMm, bayWidthMm, start.xMm(), start.yMm(), Boolean.TRUE.equals(bothSides));
        }
    }

    record PickFaceRequest(UUID merchantId, @NotBlank @Size(max = 100) String sku) {
    }

    /**
     * A merge patch: a field that is absent stays as it is, and {@code "pick_face": null} clears
     * the pick face. A record cannot tell absent from null, so this class records which setters ran.
     */
    static final class LocationPatch {
        private @Valid PickFaceRequest pickFace;
        private boolean pickFaceGiven;
        private @Min(0) Integer pickFaceMin;
        private Boolean active;

        public PickFaceRequest getPickFace() {
            return pickFace;
        }

        public void setPickFace(PickFaceRequest pickFace) {
            this.pickFace = pickFace;
            this.pickFaceGiven = true;
        }

        public Integer getPickFaceMin() {
            return pickFaceMin;
        }

        public void setPickFaceMin(Integer pickFaceMin) {
            this.pickFaceMin = pickFaceMin;
        }

        public Boolean getActive() {
            return active;
        }

        public void setActive(Boolean active) {
            this.active = active;
        }

        Locations.LocationChange toChange() {
            return new Locations.LocationChange(pickFaceGiven,
                    pickFace == null ? null : new Locations.PickFaceAssignment(pickFace.merchantId(), pickFace.sku()),
                    pickFaceMin, active);
        }
    }

    @PostMapping("/api/v1/nodes/{code}/zones")
    Mono<ResponseEntity<String>> createZone(@AuthenticationPrincipal Caller caller, @PathVariable String code,
                                            @Valid @RequestBody ZoneRequest request) {
        return commands.run(CommandScope.node(code), request, HttpStatus.CREATED,
                () -> zones.create(caller, code, request.code(), request.name()));
    }

    @GetMapping("/api/v1/nodes/{code}/zones")
    Mono<Page<Zone>> listZones(@AuthenticationPrincipal Caller caller, @PathVariable String code,
                               @RequestParam(required = false) Integer limit, @RequestParam(required = false) String after) {
        return zones.list(caller, code, limit, after);
    }

    /** Creates every location of the request or, when one is wrong, none. */
    @PostMapping("/api/v1/nodes/{code}/locations")
    Mono<ResponseEntity<String>> createLocations(@AuthenticationPrincipal Caller caller, @PathVariable String code,
                                                 @Valid @RequestBody LocationsRequest request) {
        List<NewLocation> newLocations = request.locations().stream().map(LocationRequest::toNewLocation).toList();
        return commands.run(CommandScope.node(code), request, HttpStatus.CREATED,
                () -> locations.createAll(caller, code, newLocations));
    }

    @GetMapping("/api/v1/nodes/{code}/locations")
    Mono<Page<Location>> listLocations(@AuthenticationPrincipal Caller caller, @PathVariable String code,
                                       @RequestParam(required = false) String zone, @RequestParam(required = false) String type,
                                       @RequestParam(required = false) Integer limit, @RequestParam(required = false) String after) {
        return locations.list(caller, code, zone, type, limit, after);
    }

    @GetMapping("/api/v1/nodes/{code}/locations/{locationCode}")
    Mono<Location> getLocation(@AuthenticationPrincipal Caller caller, @PathVariable String code, @PathVariable String locationCode) {
        return locations.get(caller, code, locationCode);
    }

    @PatchMapping("/api/v1/nodes/{code}/locations/{locationCode}")
    Mono<ResponseEntity<String>> updateLocation(@AuthenticationPrincipal Caller caller, @PathVariable String code,
                                                @PathVariable String locationCode, @Valid @RequestBody LocationPatch patch) {
        return commands.run(CommandScope.node(code), patch.toChange(), HttpStatus.OK,
                () -> locations.update(caller, code, locationCode, patch.toChange()));
    }

    /** Creates the locations of a block of racking; see {@link RackLayout} for codes and coordinates. */
    @PostMapping("/api/v1/nodes/{code}/rack-layouts")
    Mono<ResponseEntity<String>> createRackLayout(@AuthenticationPrincipal Caller caller, @PathVariable String code,
                                                  @Valid @RequestBody RackLayoutRequest request) {
        RackLayout layout = request.toLayout();
        return commands.run(CommandScope.node(code), request, HttpStatus.CREATED,
                () -> rackLayouts.create(caller, code, layout));
    }
}
