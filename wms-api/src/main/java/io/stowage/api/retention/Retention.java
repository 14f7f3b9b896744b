package io.stowage.api.retention;

import io.stowage.api.access.ExpiredSessions;
import io.stowage.api.commands.IdempotencyRecords;
import io.stowage.api.notifications.FinishedMessages;
import io.stowage.api.outbox.OutboxEvents;
import io.stowage.api.tracking.CarrierEstimates;
import io.stowage.api.webhooks.DeliveryPurge;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Deletes bookkeeping that has served its purpose, in chunks of {@code chunk} rows per transaction
 * so that no pass holds long locks: old idempotency keys, expired worker sessions, old outbox
 * events once fanned out and no delivery of theirs is pending (with those deliveries and their
 * attempts), old finished emails, old finished customer notices and carriers' old delivery estimates. Every instance runs it; chunks are claimed with
 * {@code FOR UPDATE SKIP LOCKED}, so two instances never fight over the same rows.
 */
@Component
class Retention {

    private static final Logger log = LoggerFactory.getLogger(Retention.class);
    /** Chunks per rule per pass: a large backlog is worked off over several passes. */
    private static final int CHUNKS_PER_PASS = 50;

    private final TransactionalOperator tx;
    private final RetentionSettings settings;
    private final IdempotencyRecords idempotencyRecords;
    private final ExpiredSessions expiredSessions;
    private final FinishedMessages finishedMessages;
    private final OutboxEvents outboxEvents;
    private final DeliveryPurge deliveries;
    private final CarrierEstimates carrierEstimates;

    Retention(TransactionalOperator tx, RetentionSettings settings, IdempotencyRecords idempotencyRecords,
              ExpiredSessions expiredSessions, FinishedMessages finishedMessages,
              OutboxEvents outboxEvents, DeliveryPurge deliveries, CarrierEstimates carrierEstimates) {
        this.carrierEstimates = carrierEstimates;
        this.outboxEvents = outboxEvents;
        this.deliveries = deliveries;
        this.tx = tx;
        this.settings = settings;
        this.idempotencyRecords = idempotencyRecords;
        this.expiredSessions = expiredSessions;
        this.finishedMessages = finishedMessages;
    }

    /** One pass over every rule; answers the rows deleted (capped at {@code Integer.MAX_VALUE}). */
    Mono<Integer> pass() {
        return Flux.concat(
                        rule("idempotency keys", this::idempotencyKeys),
                        rule("worker sessions", this::expiredSessions),
                        rule("outbox events", this::events),
                        rule("emails", this::emails),
                        rule("customer notices", this::customerNotices),
                        rule("carrier estimates", this::carrierEstimates))
                .reduce(0L, Long::sum)
                .map(deleted -> (int) Math.min(Integer.MAX_VALUE, deleted));
    }

    private Mono<Long> rule(String what, Supplier<Mono<Long>> chunk) {
        return Flux.range(0, CHUNKS_PER_PASS)
                .concatMap(i -> Mono.defer(chunk).as(tx::transactional))
                .takeUntil(deleted -> deleted < settings.chunk())
                .reduce(0L, Long::sum)
                .doOnNext(deleted -> {
                    if (deleted > 0) {
                        log.info("Retention: deleted {} {}", deleted, what);
                    }
                });
    }

    private Mono<Long> idempotencyKeys() {
        return idempotencyRecords.deleteOlderThan(settings.idempotencyKeys(), settings.chunk());
    }

    private Mono<Long> expiredSessions() {
        return expiredSessions.delete(settings.chunk());
    }

    /**
     * Old events are deleted once fanned out and no delivery of theirs is pending; deliveries go first:
     * they point at their event. Events a pending delivery waits on are left out of the chunk before it
     * is taken (else a backlog of them would fill every chunk), and checked again once the chunk is
     * locked: a delivery inserted meanwhile (a replay) needs the lock its foreign key takes on the event.
     */
    private Mono<Long> events() {
        return outboxEvents.newestIdOlderThan(settings.events())
                .flatMap(deliveries::pendingUpTo)
                .flatMap(kept -> outboxEvents.lockFannedOutOlderThan(settings.events(), kept, settings.chunk()))
                .flatMap(locked -> locked.isEmpty() ? Mono.just(0L) : deliveries.pendingAmong(locked)
                        .map(pending -> locked.stream().filter(id -> !pending.contains(id)).toList())
                        .flatMap(ids -> ids.isEmpty() ? Mono.just(0L)
                                : deliveries.deleteFor(ids).then(outboxEvents.delete(ids))));
    }

    private Mono<Long> emails() {
        return finishedMessages.deleteOlderThan(FinishedMessages.Kind.EMAILS, settings.emails(), settings.chunk());
    }

    private Mono<Long> carrierEstimates() {
        return carrierEstimates.deleteOlderThan(settings.carrierEstimates(), settings.chunk());
    }

    private Mono<Long> customerNotices() {
        return finishedMessages.deleteOlderThan(FinishedMessages.Kind.CUSTOMER_NOTICES, settings.customerNotices(), settings.chunk());
    }
}
