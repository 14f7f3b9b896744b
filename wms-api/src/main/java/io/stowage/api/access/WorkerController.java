package io.stowage.api.access;

import io.stowage.api.commands.CommandScope;
import io.stowage.api.commands.Commands;
import io.stowage.api.commands.NotACommand;
import io.stowage.api.paging.Cursor;
import io.stowage.api.paging.Page;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Set;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

@RestController
class WorkerController {

    private final Workers workers;
    private final WorkerSessions sessions;
    private final Commands commands;

    WorkerController(Workers workers, WorkerSessions sessions, Commands commands) {
        this.workers = workers;
        this.sessions = sessions;
        this.commands = commands;
    }

    record WorkerRequest(
            @NotBlank @Size(max = 40) String badgeCode,
            @NotBlank @Size(max = 200) String name,
            @NotBlank @Pattern(regexp = "\\d{4,8}", message = "must be 4 to 8 digits") String pin,
            @NotBlank String nodeCode,
            @NotEmpty Set<WorkerRole> roles) {
    }

    record LoginRequest(@NotBlank String badgeCode, @NotBlank String pin, @Size(max = 100) String deviceId) {
    }

    @PostMapping("/api/v1/admin/workers")
    Mono<ResponseEntity<String>> create(@Valid @RequestBody WorkerRequest request) {
        return commands.run(CommandScope.admin(), request, HttpStatus.CREATED,
                () -> workers.create(new Workers.NewWorker(request.badgeCode(), request.name(), request.pin(), request.nodeCode(), request.roles())));
    }

    @GetMapping("/api/v1/admin/workers")
    Mono<Page<Workers.Worker>> list(@RequestParam(required = false) Integer limit, @RequestParam(required = false) String after) {
        return workers.list(Cursor.decode(after), Cursor.limit(limit));
    }

    @PostMapping("/api/v1/auth/worker-sessions")
    @NotACommand("a wrong PIN must count towards the lock-out although the sign-in fails, so it cannot run in a transaction that the failure rolls back")
    @ResponseStatus(HttpStatus.CREATED)
    Mono<WorkerSessions.Session> login(@Valid @RequestBody LoginRequest request) {
        return sessions.login(request.badgeCode(), request.pin(), request.deviceId());
    }

    @DeleteMapping("/api/v1/auth/worker-sessions/current")
    Mono<ResponseEntity<String>> logout(@AuthenticationPrincipal Caller caller, @RequestHeader(HttpHeaders.AUTHORIZATION) String authorization) {
        Caller.Worker worker = caller.asWorker();
        return commands.run(CommandScope.worker(worker), null, HttpStatus.NO_CONTENT, () -> sessions.logout(authorization.substring(7).trim()));
    }
}
