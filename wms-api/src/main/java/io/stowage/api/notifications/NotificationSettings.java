package io.stowage.api.notifications;

import io.r2dbc.spi.Readable;
import io.stowage.api.database.Params;
import io.stowage.api.egress.EgressGuard;
import io.stowage.api.problem.ApiProblem;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/** A merchant's SMTP server, through which its shoppers are emailed. The password is never shown back. */
@Service
public class NotificationSettings {

    private final DatabaseClient db;
    private final TransactionalOperator tx;
    private final EgressGuard egress;

    public NotificationSettings(DatabaseClient db, TransactionalOperator tx, EgressGuard egress) {
        this.db = db;
        this.tx = tx;
        this.egress = egress;
    }

    public record Smtp(String smtpHost, int smtpPort, String smtpUsername, String smtpPassword, String fromAddress, boolean starttls) {
    }

    /** The settings as shown: whether a password is stored, never the password. */
    public record SmtpView(String smtpHost, int smtpPort, String smtpUsername, boolean passwordSet, String fromAddress,
                           boolean starttls, OffsetDateTime updatedAt) {
    }

    private static final String VIEW = "smtp_host, smtp_port, smtp_username, smtp_password IS NOT NULL AS password_set, "
            + "from_address, starttls, updated_at";

    public Mono<SmtpView> put(UUID merchantId, Smtp smtp) {
        var refusal = egress.refusal(smtp.smtpHost());
        if (refusal.isPresent()) {
            return Mono.error(ApiProblem.invalid("smtp_host", "must be a mail server on the public internet: " + refusal.get()));
        }
        return db.sql("INSERT INTO notification_settings (merchant_id, smtp_host, smtp_port, smtp_username, smtp_password, from_address, starttls) "
                        + "VALUES (:merchant, :host, :port, :username, :password, :from, :starttls) "
                        + "ON CONFLICT (merchant_id) DO UPDATE SET smtp_host = EXCLUDED.smtp_host, smtp_port = EXCLUDED.smtp_port, "
                        + "smtp_username = EXCLUDED.smtp_username, smtp_password = EXCLUDED.smtp_password, "
                        + "from_address = EXCLUDED.from_address, starttls = EXCLUDED.starttls, updated_at = now() "
                        + "RETURNING " + VIEW)
                .bind("merchant", merchantId).bind("host", smtp.smtpHost()).bind("port", smtp.smtpPort())
                .bind("username", Params.nullable(smtp.smtpUsername(), String.class))
                .bind("password", Params.nullable(smtp.smtpPassword(), String.class))
                .bind("from", smtp.fromAddress()).bind("starttls", smtp.starttls())
                .map(NotificationSettings::view).one();
    }

    public Mono<SmtpView> get(UUID merchantId) {
        return db.sql("SELECT " + VIEW + " FROM notification_settings WHERE merchant_id = :merchant")
                .bind("merchant", merchantId)
                .map(NotificationSettings::view).one()
                .switchIfEmpty(Mono.error(() -> ApiProblem.notFound("Notification settings of merchant", merchantId)));
    }

    /** Stops emailing: the settings go, and so do the emails (shopper and customer notices) still waiting to be sent through them. */
    public Mono<Void> delete(UUID merchantId) {
        return db.sql("UPDATE notification_emails SET status = 'cancelled', lease_id = NULL WHERE merchant_id = :merchant AND status = 'pending'")
                .bind("merchant", merchantId).then()
                .then(db.sql("UPDATE customer_notices SET status = 'cancelled', lease_id = NULL, last_error = :reason "
                        + "WHERE merchant_id = :merchant AND channel = 'email' AND status = 'pending'")
                        .bind("merchant", merchantId).bind("reason", CustomerNotices.NO_SMTP).then())
                .then(db.sql("DELETE FROM notification_settings WHERE merchant_id = :merchant").bind("merchant", merchantId)
                        .fetch().rowsUpdated())
                .flatMap(deleted -> deleted == 1 ? Mono.<Void>empty()
                        : Mono.error(ApiProblem.notFound("Notification settings of merchant", merchantId)))
                .as(tx::transactional);
    }

    private static SmtpView view(Readable row) {
        return new SmtpView(row.get("smtp_host", String.class), row.get("smtp_port", Integer.class), row.get("smtp_username", String.class),
                Boolean.TRUE.equals(row.get("password_set", Boolean.class)), row.get("from_address", String.class),
                Boolean.TRUE.equals(row.get("starttls", Boolean.class)), row.get("updated_at", OffsetDateTime.class));
    }
}
