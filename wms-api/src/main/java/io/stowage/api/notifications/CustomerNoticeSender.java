package io.stowage.api.notifications;

import io.stowage.api.database.Params;
import io.stowage.api.egress.EgressGuard;
import io.stowage.api.merchants.Merchants;
import io.stowage.api.webhooks.Backoff;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Sends queued customer notices: emails through the merchant's SMTP server, text messages through
 * the {@link SmsSender}. A batch is claimed with {@code FOR UPDATE SKIP LOCKED} and pushed a lease
 * ahead in one committed statement, so instances share the queue and a sender that dies mid-batch
 * leaves its notices to come due again after the lease. That makes delivery at least once: a crash
 * after the server took a message but before it was marked sent sends it again (with the same
 * Message-ID or gateway reference, by which a mailbox or gateway can drop the repeat). Failures are
 * retried with backoff up to {@code stowage.notifications.max-attempts}; a refusal no retry can
 * change (a gateway's 4xx) fails the notice at once. Either way the last error stays on the notice.
 * <p>
 * The claim keeps a customer's notices in the order of the parcel's life ({@link NoticeKind#waitsFor()}, then
 * the time of each notice's news): a notice whose notice before it on the same channel is still to be sent
 * is held, not sent, so at most one notice of a parcel and channel is on its way at a time. That order
 * is read from the queue itself by the claiming statement, so it holds whichever instance queued or
 * sends which notice, and whatever order the outbox events were fanned out in. A held notice is put
 * back {@code hold-recheck} ahead, marked with what it waits for, so it neither takes the place of
 * other parcels' notices nor is read at every pass; when the notice it waits for leaves the queue
 * (sent, failed or cancelled) the notices waiting for it are made due at once. A claimed notice whose
 * news is stale ({@link NoticeKind#staleOnce()}) is cancelled with the news that overtook it, not sent.
 */
@Service
class CustomerNoticeSender {

    private static final int MAX_ERROR = 1000;

    /** The error of a notice cancelled because later news of the parcel made it stale, followed by that news' kind. */
    static final String STALE = "stale: later news of the parcel is told instead: ";

    /**
     * What a pending notice {@code n} waits for before it may go ({@link NoticeKind#waitsFor()}), as the kind of the notice
     * it is sent after: a parcel's shipped notice waits while the order's confirmation on its channel is pending (an
     * order without one waits for nothing); any other notice of a parcel waits until the parcel's shipped notice on its
     * channel has left the queue, and then while a notice of the parcel with earlier news ({@code news_at}, then
     * queueing) is pending on its channel, so the parcel's news goes out one at a time in the order it happened.
     */
    private static final String WAITING_FOR = """
            CASE WHEN n.shipment_id IS NULL THEN NULL
                 WHEN n.kind = 'shipped' THEN
                     CASE WHEN EXISTS (SELECT 1 FROM customer_notices w
                                       WHERE w.order_id = n.order_id AND w.shipment_id IS NULL AND w.kind = 'order_confirmed'
                                         AND w.channel = n.channel AND w.status = 'pending') THEN 'order_confirmed' END
                 WHEN NOT EXISTS (SELECT 1 FROM customer_notices w
                                  WHERE w.order_id = n.order_id AND w.shipment_id = n.shipment_id AND w.kind = 'shipped'
                                    AND w.channel = n.channel AND w.status <> 'pending') THEN 'shipped'
                 ELSE (SELECT w.kind FROM customer_notices w
                       WHERE w.order_id = n.order_id AND w.shipment_id = n.shipment_id AND w.channel = n.channel
                         AND w.kind <> 'shipped' AND w.status = 'pending'
                         AND (coalesce(w.news_at, w.created_at), w.created_at, w.id) < (coalesce(n.news_at, n.created_at), n.created_at, n.id)
                       ORDER BY coalesce(w.news_at, w.created_at), w.created_at, w.id LIMIT 1)
            END""";

    /**
     * The parcel's news on the notice's channel that makes a pending notice {@code n} stale, or null: news of a kind
     * that ends it ({@link NoticeKind#staleOnce()}) that happened at or after the notice's own, or delivered, after
     * which nothing earlier is news.
     */
    private static final String STALE_BY = """
            (SELECT min(s.kind) FROM customer_notices s
             WHERE s.order_id = n.order_id AND s.shipment_id = n.shipment_id AND s.channel = n.channel
               AND s.kind = ANY(%s)
               AND (s.kind = 'delivered' OR coalesce(s.news_at, s.created_at) >= coalesce(n.news_at, n.created_at)))"""
            .formatted(NoticeKind.staleOnceSql());

    private final DatabaseClient db;
    private final EmailSettings settings;
    private final Backoff backoff;
    private final EgressGuard egress;
    private final Merchants merchants;
    private final SmsSender sms;

    CustomerNoticeSender(DatabaseClient db, EmailSettings settings, EgressGuard egress, Merchants merchants, SmsSender sms) {
        this.db = db;
        this.settings = settings;
        this.egress = egress;
        this.merchants = merchants;
        this.sms = sms;
        this.backoff = new Backoff(settings.firstRetry(), settings.maxRetry());
    }

    /** A claimed notice; {@code waitingFor} is set when it is held, {@code staleBy} when later news overtook it. */
    private record Claimed(UUID id, UUID merchantId, UUID orderId, UUID shipmentId, NoticeKind kind, UUID leaseId, int attempts,
                           String channel, String recipient, String subject, String text, String html, String waitingFor, String staleBy) {

        boolean held() {
            return waitingFor != null;
        }
    }

    private record Smtp(SmtpMailer.Server server, String fromAddress) {
    }

    /**
     * Claims and sends one batch of due notices; answers how many it claimed, held ones included (they were put
     * back, so the next pass reaches the notices behind them).
     */
    Mono<Integer> sendDue() {
        return db.sql("""
                        WITH due AS (
                            SELECT n.id, %s AS waiting_for, %s AS stale_by
                            FROM customer_notices n
                            WHERE n.status = 'pending' AND n.next_attempt_at <= now()
                            ORDER BY n.next_attempt_at LIMIT :batch
                            FOR UPDATE OF n SKIP LOCKED
                        ), decided AS (
                            SELECT id, CASE WHEN stale_by IS NULL THEN waiting_for END AS waiting_for, stale_by FROM due
                        )
                        UPDATE customer_notices n
                        SET waiting_for = d.waiting_for,
                            next_attempt_at = now() + make_interval(secs => CASE WHEN d.waiting_for IS NULL THEN :lease ELSE :recheck END),
                            lease_id = CASE WHEN d.waiting_for IS NULL THEN gen_random_uuid() END
                        FROM decided d WHERE n.id = d.id
                        RETURNING n.id, n.merchant_id, n.order_id, n.shipment_id, n.kind, n.lease_id, n.attempts, n.channel, n.recipient,
                                  n.subject, n.body_text, n.body_html, d.waiting_for, d.stale_by
                        """.formatted(WAITING_FOR, STALE_BY))
                .bind("batch", settings.batchSize())
                .bind("lease", settings.lease().toMillis() / 1000.0)
                .bind("recheck", settings.holdRecheck().toMillis() / 1000.0)
                .map(row -> new Claimed(row.get("id", UUID.class), row.get("merchant_id", UUID.class), row.get("order_id", UUID.class),
                        row.get("shipment_id", UUID.class), NoticeKind.fromKey(row.get("kind", String.class)), row.get("lease_id", UUID.class),
                        row.get("attempts", Integer.class), row.get("channel", String.class), row.get("recipient", String.class),
                        row.get("subject", String.class), row.get("body_text", String.class), row.get("body_html", String.class),
                        row.get("waiting_for", String.class), row.get("stale_by", String.class)))
                .all().collectList()
                .flatMap(claimed -> send(claimed.stream().filter(notice -> !notice.held()).toList()).then(Mono.just(claimed.size())));
    }

    private Flux<Claimed> send(List<Claimed> batch) {
        if (batch.isEmpty()) {
            return Flux.empty();
        }
        List<UUID> emailing = batch.stream().filter(n -> n.channel().equals("email")).map(Claimed::merchantId).distinct().toList();
        return Mono.zip(smtp(emailing), merchants.names(emailing))
                .flatMapMany(found -> Flux.fromIterable(batch)
                        .flatMap(notice -> go(notice, found.getT1(), found.getT2()), settings.batchSize()));
    }

    private Mono<Claimed> go(Claimed notice, Map<UUID, Smtp> smtp, Map<UUID, String> names) {
        Mono<Void> done;
        if (notice.staleBy() != null) {
            done = finish(notice, "cancelled", STALE + notice.staleBy());
        } else if (notice.channel().equals("email")) {
            done = email(notice, smtp.get(notice.merchantId()), names.get(notice.merchantId()));
        } else {
            done = text(notice);
        }
        return done.thenReturn(notice);
    }

    private Mono<Map<UUID, Smtp>> smtp(List<UUID> merchantIds) {
        if (merchantIds.isEmpty()) {
            return Mono.just(Map.of());
        }
        return db.sql("SELECT merchant_id, smtp_host, smtp_port, smtp_username, smtp_password, from_address, starttls "
                        + "FROM notification_settings WHERE merchant_id = ANY(:merchants)")
                .bind("merchants", merchantIds.toArray(UUID[]::new))
                .map(row -> Map.entry(row.get("merchant_id", UUID.class), new Smtp(new SmtpMailer.Server(row.get("smtp_host", String.class),
                        row.get("smtp_port", Integer.class), row.get("smtp_username", String.class), row.get("smtp_password", String.class),
                        Boolean.TRUE.equals(row.get("starttls", Boolean.class))), row.get("from_address", String.class))))
                .all()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    private Mono<Void> email(Claimed notice, Smtp smtp, String merchantName) {
        if (smtp == null) {
            // The settings were removed after the notice was queued: nothing will send it.
            return finish(notice, "cancelled", CustomerNotices.NO_SMTP);
        }
        SmtpMailer.Email email = new SmtpMailer.Email(notice.id(), smtp.fromAddress(), merchantName, notice.recipient(), notice.subject(),
                notice.text(), notice.html());
        return Mono.fromCallable(() -> {
                    // Looked up again at every send: the name may point elsewhere since the merchant saved it.
                    egress.requirePublic(smtp.server().host());
                    SmtpMailer.send(smtp.server(), email, settings.smtpTimeout());
                    return "";
                })
                .subscribeOn(Schedulers.boundedElastic())
                .then(finish(notice, "sent", null))
                .onErrorResume(e -> failed(notice, e));
    }

    private Mono<Void> text(Claimed notice) {
        return sms.send(new SmsSender.Sms(notice.id(), notice.recipient(), notice.text()))
                .then(finish(notice, "sent", null))
                .onErrorResume(e -> failed(notice, e));
    }

    private Mono<Void> finish(Claimed notice, String status, String error) {
        return db.sql("UPDATE customer_notices SET status = :status, sent_at = CASE WHEN :status = 'sent' THEN now() END, "
                        + "attempts = attempts + CASE WHEN :status = 'sent' THEN 1 ELSE 0 END, lease_id = NULL, last_error = :error "
                        + "WHERE id = :id AND lease_id = :lease")
                .bind("status", status).bind("error", Params.nullable(error, String.class))
                .bind("id", notice.id()).bind("lease", notice.leaseId())
                .then().then(releaseWaiting(notice));
    }

    private Mono<Void> failed(Claimed notice, Throwable error) {
        int attempts = notice.attempts() + 1;
        boolean refused = error instanceof SmsSender.Refused;
        Duration wait = backoff.afterAttempt(attempts);
        String message = error.getMessage() == null ? error.getClass().getSimpleName() : error.getMessage();
        return db.sql("UPDATE customer_notices SET attempts = attempts + 1, lease_id = NULL, last_error = :error, "
                        + "status = CASE WHEN :refused OR attempts + 1 >= :max THEN 'failed' ELSE 'pending' END, "
                        + "next_attempt_at = now() + make_interval(secs => :wait) WHERE id = :id AND lease_id = :lease")
                .bind("error", message.length() > MAX_ERROR ? message.substring(0, MAX_ERROR) : message)
                .bind("refused", refused)
                .bind("max", settings.maxAttempts())
                .bind("wait", wait.toMillis() / 1000.0)
                .bind("id", notice.id()).bind("lease", notice.leaseId())
                .then().then(releaseWaiting(notice));
    }

    /**
     * Once a notice has left the queue, the notices held behind it (the order's for its confirmation, the parcel's for
     * its notices) are due at once and the claim decides them again; one held by a claim that overlapped this, on
     * another instance, is decided again after {@code hold-recheck}.
     */
    private Mono<Void> releaseWaiting(Claimed notice) {
        return db.sql("""
                        UPDATE customer_notices SET next_attempt_at = now()
                        WHERE order_id = :order AND channel = :channel AND status = 'pending' AND waiting_for IS NOT NULL AND lease_id IS NULL
                          AND (shipment_id = :shipment OR (:kind = 'order_confirmed' AND waiting_for = 'order_confirmed'))
                          AND NOT EXISTS (SELECT 1 FROM customer_notices w WHERE w.id = :id AND w.status = 'pending')
                        """)
                .bind("order", notice.orderId()).bind("channel", notice.channel()).bind("kind", notice.kind().key)
                .bind("shipment", Params.nullable(notice.shipmentId(), UUID.class)).bind("id", notice.id())
                .then();
    }
}
