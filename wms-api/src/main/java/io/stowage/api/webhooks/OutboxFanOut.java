package io.stowage.api.webhooks;

import io.stowage.api.outbox.FanOutQueue;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Turns outbox events into work: one pending delivery per matching enabled endpoint of the event's
 * merchant, and a call to each internal subscriber that wants the type. A batch of events is
 * claimed with {@code FOR UPDATE SKIP LOCKED} and marked in the same transaction, so instances
 * share the outbox and a crash before the commit leaves the batch for the next pass.
 * <p>
 * One event that cannot be fanned out (a subscriber keeps failing on it) must not hold up the
 * events behind it: when a batch fails, its events are fanned out one per transaction instead, and
 * the one that fails is set aside with its error and retried with backoff, until it is given up
 * after {@code fan-out-attempts}. Events of a subject may then be fanned out out of order, which
 * webhooks allow: receivers order them by their timestamp.
 */
@Service
public class OutboxFanOut {

    private static final Logger log = LoggerFactory.getLogger(OutboxFanOut.class);

    private final DatabaseClient db;
    private final TransactionalOperator tx;
    private final WebhookSettings settings;
    private final List<OutboxSubscriber> subscribers;
    private final Backoff backoff;
    private final FanOutQueue queue;

    public OutboxFanOut(DatabaseClient db, TransactionalOperator tx, WebhookSettings settings, List<OutboxSubscriber> subscribers,
                        FanOutQueue queue) {
        this.db = db;
        this.queue = queue;
        this.tx = tx;
        this.settings = settings;
        this.subscribers = List.copyOf(subscribers);
        this.backoff = new Backoff(settings.firstRetry(), settings.maxRetry());
    }

    /** Fans out one batch; answers how many events it handled, including events set aside. */
    public Mono<Integer> fanOutBatch() {
        return claim(settings.batchSize())
                .concatMap(event -> fanOut(event).thenReturn(event.id()))
                .collectList()
                .flatMap(ids -> ids.isEmpty() ? Mono.just(0) : markFannedOut(ids).thenReturn(ids.size()))
                .as(tx::transactional)
                .onErrorResume(failure -> {
                    log.warn("Outbox fan-out: a batch failed; fanning its events out one by one", failure);
                    return oneByOne();
                });
    }

    private Flux<OutboxEvent> claim(int limit) {
        return queue.claim(limit)
                .map(due -> new OutboxEvent(due.id(), due.eventId(), due.merchantId(), due.type(), due.subject(), due.payload(), due.createdAt()));
    }

    private Mono<Integer> oneByOne() {
        return Flux.range(0, settings.batchSize())
                .concatMap(i -> fanOutNext())
                .takeUntil(handled -> handled == 0)
                .reduce(0, Integer::sum);
    }

    /** Fans out the next due event in its own transaction, or sets it aside if that fails; answers 1, or 0 when none is due. */
    private Mono<Integer> fanOutNext() {
        return Mono.defer(() -> {
            long[] claimed = {0};
            return claim(1)
                    .concatMap(event -> {
                        claimed[0] = event.id();
                        return fanOut(event).then(markFannedOut(List.of(event.id())));
                    })
                    .then(Mono.fromSupplier(() -> claimed[0] == 0 ? 0 : 1))
                    .as(tx::transactional)
                    .onErrorResume(failure -> claimed[0] == 0 ? Mono.error(failure) : setAside(claimed[0], failure).thenReturn(1));
        });
    }

    private Mono<Void> setAside(long id, Throwable failure) {
        String message = failure.getMessage() == null ? failure.toString() : failure.getMessage();
        String error = message.length() > 2000 ? message.substring(0, 2000) : message;
        return queue.lockWaiting(id)
                .flatMap(event -> {
                    int attempts = event.attemptsBefore() + 1;
                    boolean giveUp = attempts >= settings.fanOutAttempts();
                    if (giveUp) {
                        log.error("Outbox fan-out: gave up event {} ({}) after {} attempts: {}", event.eventId(), event.type(), attempts, error);
                    } else {
                        log.warn("Outbox fan-out: event {} ({}) failed, attempt {}; the events behind it go on: {}", event.eventId(), event.type(), attempts, error);
                    }
                    return queue.setAside(id, attempts, error, backoff.afterAttempt(attempts), giveUp);
                })
                .as(tx::transactional);
    }

    private Mono<Void> fanOut(OutboxEvent event) {
        return enqueueDeliveries(event).then(notifySubscribers(event));
    }

    private Mono<Void> markFannedOut(List<Long> ids) {
        return queue.markFannedOut(ids);
    }

    private Mono<Void> enqueueDeliveries(OutboxEvent event) {
        if (event.merchantId() == null) {
            return Mono.empty();
        }
        return db.sql("INSERT INTO webhook_deliveries (merchant_id, endpoint_id, outbox_id, event_id, event_type, status, give_up_at) "
                        + "SELECT e.merchant_id, e.id, :outbox, :event, :type, 'pending', now() + make_interval(secs => :window) "
                        + "FROM webhook_endpoints e WHERE e.merchant_id = :merchant AND e.enabled AND " + EventTypes.MATCHES_SQL
                        + " ON CONFLICT (event_id, endpoint_id) DO NOTHING")
                .bind("outbox", event.id()).bind("event", event.eventId()).bind("type", event.type())
                .bind("window", WebhookSettings.seconds(settings.retryWindow()))
                .bind("merchant", event.merchantId())
                .then();
    }

    private Mono<Void> notifySubscribers(OutboxEvent event) {
        return Flux.fromIterable(subscribers)
                .filter(subscriber -> subscriber.wants(event.type()))
                .concatMap(subscriber -> subscriber.handle(event))
                .then();
    }
}
