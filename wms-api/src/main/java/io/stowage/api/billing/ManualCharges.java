package io.stowage.api.billing;

import io.stowage.api.problem.ApiProblem;
import io.stowage.api.problem.ProblemType;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * Charges the 3PL admin adds by hand (a special project, a damaged pallet to dispose of), each with
 * the note that explains it. Like every other cause it lands on the invoice of its date's period,
 * or on the next open one when that period is already finalised.
 */
@Service
public class ManualCharges {

    private final DatabaseClient db;
    private final BillingAccounts accounts;

    public ManualCharges(DatabaseClient db, BillingAccounts accounts) {
        this.db = db;
        this.accounts = accounts;
    }

    public record ManualCharge(UUID id, UUID merchantId, LocalDate occurredOn, String note, BigDecimal quantity, long rateMinor, String currency,
                               long amountMinor, String createdBy, OffsetDateTime createdAt) {
    }

    public record NewManualCharge(LocalDate occurredOn, String note, BigDecimal quantity, long rateMinor, String currency) {
    }

    public Mono<ManualCharge> add(UUID merchantId, NewManualCharge charge, String actor) {
        return accounts.get(merchantId)
                .flatMap(account -> charge.currency() != null && !charge.currency().equals(account.currency())
                        ? Mono.error(ApiProblem.of(ProblemType.CURRENCY_MISMATCH, "The merchant is billed in " + account.currency()
                                + "; a charge in " + charge.currency() + " cannot be added"))
                        : db.sql("""
                                        INSERT INTO manual_charges (merchant_id, occurred_on, note, quantity, rate_minor, currency, created_by)
                                        VALUES (:merchant, :on, :note, :quantity, :rate, :currency, :by)
                                        RETURNING *
                                        """)
                                .bind("merchant", merchantId).bind("on", charge.occurredOn()).bind("note", charge.note())
                                .bind("quantity", charge.quantity()).bind("rate", charge.rateMinor()).bind("currency", account.currency())
                                .bind("by", actor)
                                .map(row -> new ManualCharge(row.get("id", UUID.class), merchantId, row.get("occurred_on", LocalDate.class),
                                        row.get("note", String.class), row.get("quantity", BigDecimal.class), row.get("rate_minor", Long.class),
                                        row.get("currency", String.class),
                                        Charge.round(row.get("quantity", BigDecimal.class).multiply(BigDecimal.valueOf(row.get("rate_minor", Long.class)))),
                                        row.get("created_by", String.class), row.get("created_at", OffsetDateTime.class)))
                                .one());
    }

    /** The merchant's manual charges dated in [from, to), for the invoice. */
    Mono<List<ChargeRules.Manual>> between(UUID merchantId, LocalDate from, LocalDate to) {
        return db.sql("SELECT id, occurred_on, note, quantity, rate_minor FROM manual_charges WHERE merchant_id = :merchant AND occurred_on >= :from AND occurred_on < :to")
                .bind("merchant", merchantId).bind("from", from).bind("to", to)
                .map(row -> new ChargeRules.Manual(row.get("id", UUID.class).toString(), row.get("occurred_on", LocalDate.class),
                        row.get("note", String.class), row.get("quantity", BigDecimal.class), row.get("rate_minor", Long.class)))
                .all().collectList();
    }
}
