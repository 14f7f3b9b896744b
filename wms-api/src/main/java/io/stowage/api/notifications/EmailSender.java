package io.stowage.api.notifications;

import io.stowage.api.egress.EgressGuard;
import io.stowage.api.merchants.Merchants;
import io.stowage.api.webhooks.Backoff;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Sends queued shopper emails through each merchant's SMTP server. Claims work like the webhook
 * deliverer (a committed {@code FOR UPDATE SKIP LOCKED} claim that pushes the email a lease ahead),
 * sends on the bounded elastic scheduler because SMTP clients block, and retries with backoff up to
 * the configured number of attempts.
 */
@Service
public class EmailSender {

    private static final int MAX_ERROR = 1000;

    private final DatabaseClient db;
    private final EmailSettings settings;
    private final Backoff backoff;
    private final EgressGuard egress;
    private final Merchants merchants;

    EmailSender(DatabaseClient db, EmailSettings settings, EgressGuard egress, Merchants merchants) {
        this.db = db;
        this.merchants = merchants;
        this.settings = settings;
        this.egress = egress;
        this.backoff = new Backoff(settings.firstRetry(), settings.maxRetry());
    }

    private record Claimed(UUID leaseId, int attempts, SmtpMailer.Server server, SmtpMailer.Email email) {
    }

    /** A claimed row before the merchant's name (the sender's display name) is known: merchants owns it. */
    private record ClaimedRow(UUID merchantId, UUID leaseId, int attempts, SmtpMailer.Server server, UUID id, String fromAddress,
                              String recipient, String subject, String body) {

        Claimed signedBy(String merchantName) {
            return new Claimed(leaseId, attempts, server, new SmtpMailer.Email(id, fromAddress, merchantName, recipient, subject, body));
        }
    }

    /** Claims and sends one batch of due emails; answers how many it tried. */
    public Mono<Integer> sendDue() {
        return db.sql("""
                        WITH due AS (
                            SELECT id FROM notification_emails
                            WHERE status = 'pending' AND next_attempt_at <= now()
                            ORDER BY next_attempt_at LIMIT :batch
                            FOR UPDATE SKIP LOCKED
                        )
                        UPDATE notification_emails e
                        SET next_attempt_at = now() + make_interval(secs => :lease), lease_id = gen_random_uuid()
                        FROM due, notification_settings s
                        WHERE e.id = due.id AND s.merchant_id = e.merchant_id
                        RETURNING e.id, e.merchant_id, e.lease_id, e.attempts, e.recipient, e.subject, e.body,
                                  s.smtp_host, s.smtp_port, s.smtp_username, s.smtp_password, s.from_address, s.starttls
                        """)
                .bind("batch", settings.batchSize())
                .bind("lease", settings.lease().toMillis() / 1000.0)
                .map(row -> new ClaimedRow(row.get("merchant_id", UUID.class), row.get("lease_id", UUID.class), row.get("attempts", Integer.class),
                        new SmtpMailer.Server(row.get("smtp_host", String.class), row.get("smtp_port", Integer.class),
                                row.get("smtp_username", String.class), row.get("smtp_password", String.class),
                                Boolean.TRUE.equals(row.get("starttls", Boolean.class))),
                        row.get("id", UUID.class), row.get("from_address", String.class),
                        row.get("recipient", String.class), row.get("subject", String.class), row.get("body", String.class)))
                .all().collectList()
                .flatMapMany(this::signed)
                .flatMap(claimed -> send(claimed).thenReturn(claimed), settings.batchSize())
                .count()
                .map(Long::intValue);
    }

    /** One look-up of the batch's merchant names, not one per email. */
    private Flux<Claimed> signed(List<ClaimedRow> rows) {
        if (rows.isEmpty()) {
            return Flux.empty();
        }
        return merchants.names(rows.stream().map(ClaimedRow::merchantId).distinct().toList())
                .flatMapIterable(names -> rows.stream().map(row -> row.signedBy(names.get(row.merchantId()))).toList());
    }

    private Mono<Void> send(Claimed claimed) {
        return Mono.fromCallable(() -> {
                    // Looked up again at every send: the name may point elsewhere since the merchant saved it.
                    egress.requirePublic(claimed.server().host());
                    SmtpMailer.send(claimed.server(), claimed.email(), settings.smtpTimeout());
                    return "";
                })
                .subscribeOn(Schedulers.boundedElastic())
                .then(sent(claimed))
                .onErrorResume(e -> failed(claimed, e));
    }

    private Mono<Void> sent(Claimed claimed) {
        return db.sql("UPDATE notification_emails SET status = 'sent', sent_at = now(), attempts = attempts + 1, lease_id = NULL, last_error = NULL "
                        + "WHERE id = :id AND lease_id = :lease")
                .bind("id", claimed.email().id()).bind("lease", claimed.leaseId())
                .then();
    }

    private Mono<Void> failed(Claimed claimed, Throwable error) {
        int attempts = claimed.attempts() + 1;
        Duration wait = backoff.afterAttempt(attempts);
        String message = error.getMessage() == null ? error.getClass().getSimpleName() : error.getMessage();
        return db.sql("UPDATE notification_emails SET attempts = attempts + 1, lease_id = NULL, last_error = :error, "
                        + "status = CASE WHEN attempts + 1 >= :max THEN 'failed' ELSE 'pending' END, "
                        + "next_attempt_at = now() + make_interval(secs => :wait) WHERE id = :id AND lease_id = :lease")
                .bind("error", message.length() > MAX_ERROR ? message.substring(0, MAX_ERROR) : message)
                .bind("max", settings.maxAttempts())
                .bind("wait", wait.toMillis() / 1000.0)
                .bind("id", claimed.email().id()).bind("lease", claimed.leaseId())
                .then();
    }
}
