package io.stowage.api.webhooks;

import io.stowage.api.commands.CommandScope;
import io.stowage.api.commands.Commands;
import io.stowage.api.outbox.FanOutFailures;
import io.stowage.api.paging.Cursor;
import io.stowage.api.paging.Page;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** The 3PL's operators: outbox events the fan-out set aside or gave up, and retrying those given up. */
@RestController
class FanOutFailureController {

    private final FanOutFailures failures;
    private final Commands commands;

    FanOutFailureController(FanOutFailures failures, Commands commands) {
        this.failures = failures;
        this.commands = commands;
    }

    @GetMapping("/api/v1/admin/outbox/failures")
    Mono<Page<FanOutFailures.FailedEvent>> list(@RequestParam(name = "given_up", defaultValue = "false") boolean givenUpOnly,
                                                @RequestParam(required = false) Integer limit,
                                                @RequestParam(required = false) String after) {
        return failures.list(givenUpOnly, Cursor.positionBefore(after), Cursor.limit(limit));
    }

    /** Accepted: the event is due again and goes out with the next fan-out pass. */
    @PostMapping("/api/v1/admin/outbox/failures/{eventId}/retry")
    Mono<ResponseEntity<String>> retry(@PathVariable UUID eventId) {
        return commands.run(CommandScope.admin(), null, HttpStatus.ACCEPTED, () -> failures.retry(eventId));
    }
}
