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
 */
@Service
class CustomerNoticeSender {

    private static final int MAX_ERROR = 1000;

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

    private record Claimed(UUID id, UUID merchantId, UUID leaseId, int attempts, String channel, String recipient, String subject,
                           String text, String html) {
    }

    private record Smtp(SmtpMailer.Server server, String fromAddress) {
    }

    /** Claims and sends one batch of due notices; answers how many it tried. */
    Mono<Integer> sendDue() {
        return db.sql("""
                        WITH due AS (
                            SELECT id FROM customer_notices
                            WHERE status = 'pending' AND next_attempt_at <= now()
                            ORDER BY next_attempt_at LIMIT :batch
                            FOR UPDATE SKIP LOCKED
                        )
                        UPDATE customer_notices n
                        SET next_attempt_at = now() + make_interval(secs => :lease), lease_id = gen_random_uuid()
                        FROM due WHERE n.id = due.id
                        RETURNING n.id, n.merchant_id, n.lease_id, n.attempts, n.channel, n.recipient, n.subject, n.body_text, n.body_html
                        """)
                .bind("batch", settings.batchSize())
                .bind("lease", settings.lease().toMillis() / 1000.0)
                .map(row -> new Claimed(row.get("id", UUID.class), row.get("merchant_id", UUID.class), row.get("lease_id", UUID.class),
                        row.get("attempts", Integer.class), row.get("channel", String.class), row.get("recipient", String.class),
                        row.get("subject", String.class), row.get("body_text", String.class), row.get("body_html", String.class)))
                .all().collectList()
                .flatMapMany(this::send)
                .count()
                .map(Long::intValue);
    }

    private Flux<Claimed> send(List<Claimed> batch) {
        if (batch.isEmpty()) {
            return Flux.empty();
        }
        List<UUID> emailing = batch.stream().filter(n -> n.channel().equals("email")).map(Claimed::merchantId).distinct().toList();
        return Mono.zip(smtp(emailing), merchants.names(emailing))
                .flatMapMany(found -> Flux.fromIterable(batch)
                        .flatMap(notice -> (notice.channel().equals("email") ? email(notice, found.getT1().get(notice.merchantId()),
                                found.getT2().get(notice.merchantId())) : text(notice)).thenReturn(notice), settings.batchSize()));
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
                .then();
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
                .then();
    }
}
