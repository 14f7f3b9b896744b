package io.stowage.api.billing;

import io.r2dbc.spi.R2dbcException;
import io.r2dbc.spi.Readable;
import io.stowage.api.database.Params;
import io.stowage.api.problem.ApiProblem;
import io.stowage.api.problem.ProblemType;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Versions of a merchant's prices. A version is in force from {@code effectiveFrom} until the day
 * before {@code effectiveTo} (or for good when it is null); versions of one merchant never overlap,
 * which the database holds too (an exclusion constraint). Prices never change once written; the one
 * change is the end of an open version, set when a later version supersedes it.
 */
@Service
public class RateCards {

    private final DatabaseClient db;
    private final BillingAccounts accounts;
    private final JsonMapper json;

    public RateCards(DatabaseClient db, BillingAccounts accounts, JsonMapper json) {
        this.db = db;
        this.accounts = accounts;
        this.json = json;
    }

    public record RateCard(UUID id, UUID merchantId, String currency, LocalDate effectiveFrom, LocalDate effectiveTo, Rates rates,
                           OffsetDateTime createdAt) {

        boolean inForceOn(LocalDate day) {
            return !day.isBefore(effectiveFrom) && (effectiveTo == null || day.isBefore(effectiveTo));
        }
    }

    public record NewRateCard(String currency, LocalDate effectiveFrom, LocalDate effectiveTo, Rates rates) {
    }

    public Mono<RateCard> create(UUID merchantId, NewRateCard card) {
        List<ApiProblem.FieldProblem> problems = card.rates().problems();
        if (!problems.isEmpty()) {
            return Mono.error(ApiProblem.invalid("The rate card has prices that cannot be charged", problems));
        }
        if (card.effectiveTo() != null && !card.effectiveTo().isAfter(card.effectiveFrom())) {
            return Mono.error(ApiProblem.invalid("effective_to", "must be after effective_from"));
        }
        return accounts.get(merchantId)
                .flatMap(account -> account.currency().equals(card.currency()) ? Mono.just(account)
                        : Mono.error(ApiProblem.of(ProblemType.CURRENCY_MISMATCH, "The merchant is billed in " + account.currency()
                                + "; a rate card in " + card.currency() + " cannot be charged")))
                .then(invoicedUntil(merchantId, card))
                .then(overlapping(merchantId, card))
                .then(supersede(merchantId, card))
                .then(db.sql("""
                                INSERT INTO rate_cards (merchant_id, currency, effective_from, effective_to, rates)
                                VALUES (:merchant, :currency, :from, :to, CAST(:rates AS jsonb))
                                RETURNING id, merchant_id, currency, effective_from, effective_to, rates::text AS rates, created_at
                                """)
                        .bind("merchant", merchantId).bind("currency", card.currency()).bind("from", card.effectiveFrom())
                        .bind("to", Params.nullable(card.effectiveTo(), LocalDate.class))
                        .bind("rates", json.writeValueAsString(card.rates()))
                        .map(this::rateCard).one())
                .onErrorMap(RateCards::isOverlap, e -> overlap(card));
    }

    /** The versions of the merchant, oldest first. */
    public Mono<List<RateCard>> list(UUID merchantId) {
        return db.sql("""
                        SELECT id, merchant_id, currency, effective_from, effective_to, rates::text AS rates, created_at
                        FROM rate_cards WHERE merchant_id = :merchant ORDER BY effective_from
                        """)
                .bind("merchant", merchantId).map(this::rateCard).all().collectList();
    }

    /** Prices of a period that has a finalised invoice stay as they were: recomputing it must give the same lines (a credited month may be repriced). */
    private Mono<Void> invoicedUntil(UUID merchantId, NewRateCard card) {
        return db.sql("""
                        SELECT max(period_end) AS invoiced_until FROM invoices
                        WHERE merchant_id = :merchant AND kind = 'invoice' AND status = 'finalised'
                        """)
                .bind("merchant", merchantId).map(row -> java.util.Optional.ofNullable(row.get("invoiced_until", LocalDate.class))).one()
                .flatMap(until -> until.isPresent() && card.effectiveFrom().isBefore(until.get())
                        ? Mono.error(ApiProblem.of(ProblemType.INVOICE_FINALISED, "The merchant is invoiced until " + until.get()
                                + "; a new rate card version can start on that day at the earliest"))
                        : Mono.empty());
    }

    /**
     * A clear answer before the insert; the exclusion constraint still decides between two concurrent
     * versions. The version in force until further notice that began before the new one is not an
     * overlap: the new one supersedes it from its first day (see {@link #supersede}).
     */
    private Mono<Void> overlapping(UUID merchantId, NewRateCard card) {
        return db.sql("""
                        SELECT 1 FROM rate_cards WHERE merchant_id = :merchant
                          AND daterange(effective_from, effective_to, '[)') && daterange(:from, CAST(:to AS date), '[)')
                          AND NOT (effective_to IS NULL AND effective_from < :from)
                        LIMIT 1
                        """)
                .bind("merchant", merchantId).bind("from", card.effectiveFrom()).bind("to", Params.nullable(card.effectiveTo(), LocalDate.class))
                .map(row -> 1).one()
                .flatMap(found -> Mono.error(overlap(card)));
    }

    /** Ends the open version that began before the new one on the new one's first day; its prices stay as they were. */
    private Mono<Void> supersede(UUID merchantId, NewRateCard card) {
        return db.sql("UPDATE rate_cards SET effective_to = :from WHERE merchant_id = :merchant AND effective_to IS NULL AND effective_from < :from")
                .bind("merchant", merchantId).bind("from", card.effectiveFrom())
                .then();
    }

    private static ApiProblem overlap(NewRateCard card) {
        return ApiProblem.of(ProblemType.RATE_CARD_OVERLAP, "A rate card version of the merchant is already in force between "
                + card.effectiveFrom() + " and " + (card.effectiveTo() == null ? "further notice" : card.effectiveTo())
                + ": a new version starts after the last one began (it then ends the last one) or fills a gap between versions");
    }

    private static boolean isOverlap(Throwable e) {
        Throwable cause = e instanceof DataIntegrityViolationException ? e.getCause() : e;
        return cause instanceof R2dbcException database && "23P01".equals(database.getSqlState());
    }

    private RateCard rateCard(Readable row) {
        return new RateCard(row.get("id", UUID.class), row.get("merchant_id", UUID.class), row.get("currency", String.class),
                row.get("effective_from", LocalDate.class), row.get("effective_to", LocalDate.class),
                json.readValue(row.get("rates", String.class), Rates.class), row.get("created_at", OffsetDateTime.class));
    }
}
