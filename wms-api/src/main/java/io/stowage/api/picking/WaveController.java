package io.stowage.api.picking;

import io.stowage.api.access.Caller;
import io.stowage.api.access.WorkerRole;
import io.stowage.api.carriers.CarrierCodes;
import io.stowage.api.commands.CommandScope;
import io.stowage.api.commands.Commands;
import io.stowage.api.paging.Cursor;
import io.stowage.api.paging.Page;
import io.stowage.api.problem.ApiProblem;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Locale;
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

/** Waves for the supervisors of a node; any worker of the node may read them. */
@RestController
class WaveController {

    /** A 60 x 40 x 25 cm tote. */
    static final long DEFAULT_TOTE_VOLUME_CM3 = 60_000;
    /** What one picker pushes on a cart. */
    static final long DEFAULT_MAX_WEIGHT_G = 150_000;

    private final Waves waves;
    private final Commands commands;

    WaveController(Waves waves, Commands commands) {
        this.waves = waves;
        this.commands = commands;
    }

    record FilterRequest(LocalDate cutOffBefore,
                         @Pattern(regexp = "standard|express|eco|store_pickup|pickup_point") String serviceLevel,
                         @Size(max = 60) String zoneCode,
                         @Size(max = 60) String carrier) {
    }

    record CartRequest(@NotNull @Min(1) @Max(100) Integer totes, @Positive Long toteVolumeCm3, @Positive Long maxWeightG) {
    }

    record WaveRequest(@Valid FilterRequest filter, @NotNull @Valid CartRequest cart,
                       @NotNull @Min(1) @Max(600) Integer timeLimitSeconds) {
    }

    @PostMapping("/api/v1/waves")
    Mono<ResponseEntity<String>> create(@AuthenticationPrincipal Caller caller, @Valid @RequestBody WaveRequest request) {
        Caller.Worker supervisor = caller.asWorker(WorkerRole.SUPERVISOR);
        FilterRequest filter = request.filter() == null ? new FilterRequest(null, null, null, null) : request.filter();
        CartRequest cart = request.cart();
        // Carrier codes are stored in lower case (carriers.CarrierCodes): the filter is read as every other route reads one.
        Waves.NewWave wave = new Waves.NewWave(filter.cutOffBefore(), filter.serviceLevel(), filter.zoneCode(), CarrierCodes.normalise(filter.carrier()),
                cart.totes(),
                cart.toteVolumeCm3() == null ? DEFAULT_TOTE_VOLUME_CM3 : cart.toteVolumeCm3(),
                cart.maxWeightG() == null ? DEFAULT_MAX_WEIGHT_G : cart.maxWeightG(), request.timeLimitSeconds());
        return commands.run(CommandScope.worker(supervisor), request, HttpStatus.ACCEPTED, () -> waves.create(supervisor, wave));
    }

    /** The worker's node's waves, newest first. */
    @GetMapping("/api/v1/waves")
    Mono<Page<WaveQueries.WaveSummary>> list(@AuthenticationPrincipal Caller caller,
                                             @RequestParam(required = false) String status,
                                             @RequestParam(required = false) Integer limit,
                                             @RequestParam(required = false) String after) {
        return waves.list(caller.asWorker(), status == null ? null : statusFilter(status), Cursor.decode(after), Cursor.limit(limit));
    }

    private static String statusFilter(String status) {
        try {
            return WaveStatus.fromDb(status).db();
        } catch (IllegalArgumentException e) {
            throw ApiProblem.invalid("status", "must be one of " + Arrays.stream(WaveStatus.values())
                    .map(WaveStatus::db).toList().toString().toLowerCase(Locale.ROOT));
        }
    }

    @GetMapping("/api/v1/waves/{id}")
    Mono<WaveView> get(@AuthenticationPrincipal Caller caller, @PathVariable UUID id) {
        return waves.get(caller.asWorker(), id);
    }

    @PostMapping("/api/v1/waves/{id}/stop-planning")
    Mono<ResponseEntity<String>> stopPlanning(@AuthenticationPrincipal Caller caller, @PathVariable UUID id) {
        Caller.Worker supervisor = caller.asWorker(WorkerRole.SUPERVISOR);
        return commands.run(CommandScope.worker(supervisor), null, HttpStatus.ACCEPTED, () -> waves.stopPlanning(supervisor, id));
    }

    @PostMapping("/api/v1/waves/{id}/replan")
    Mono<ResponseEntity<String>> replan(@AuthenticationPrincipal Caller caller, @PathVariable UUID id) {
        Caller.Worker supervisor = caller.asWorker(WorkerRole.SUPERVISOR);
        return commands.run(CommandScope.worker(supervisor), null, HttpStatus.ACCEPTED, () -> waves.replan(supervisor, id));
    }

    @PostMapping("/api/v1/waves/{id}/release")
    Mono<ResponseEntity<String>> release(@AuthenticationPrincipal Caller caller, @PathVariable UUID id) {
        Caller.Worker supervisor = caller.asWorker(WorkerRole.SUPERVISOR);
        return commands.run(CommandScope.worker(supervisor), null, HttpStatus.OK, () -> waves.release(supervisor, id));
    }
}
