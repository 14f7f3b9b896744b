package io.stowage.api.billing;

import io.r2dbc.spi.Readable;
import io.stowage.api.database.Params;
import io.stowage.api.outbox.Outbox;
import io.stowage.api.problem.ApiProblem;
import io.stowage.api.problem.ProblemType;
import io.stowage.api.webhooks.EventTypes;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Invoices per merchant and calendar month (UTC). A draft is computed from what was done and
 * recomputed at will; finalising recomputes it once more, takes the next number of the issuer's
 * gap-free sequence, marks every cause billed and announces {@code invoice.finalised}, all in one
 * transaction. A finalised invoice never changes: a credit note reverses it whole.
 *
 * <p>An invoice for month P holds the causes dated in P, and, once P-1 has been finalised, the
 * causes dated in P-1 that its invoice did not hold (late events: their own date, the next open
 * period). A cause is billed once ({@code billed_causes}).
 */
@Service
public class Invoices {

    private static final int CHUNK = 5_000;

    private final DatabaseClient db;
    private final BillingAccounts accounts;
    private final RateCards rateCards;
    private final ChargeSources sources;
    private final BillingClock clock;
    private final BillingSettings settings;
    private final Outbox outbox;

    public Invoices(DatabaseClient db, BillingAccounts accounts, RateCards rateCards, ChargeSources sources, BillingClock clock,
                    BillingSettings settings, Outbox outbox) {
        this.db = db;
        this.accounts = accounts;
        this.rateCards = rateCards;
        this.sources = sources;
        this.clock = clock;
        this.settings = settings;
        this.outbox = outbox;
    }

    /** An invoice or credit note with its totals per kind of charge. */
    public record Invoice(UUID id, UUID merchantId, String kind, String status, String number, String issuer, LocalDate periodStart,
                          LocalDate periodEnd, String currency, long netMinor, int vatRateBp, long vatMinor, long totalMinor, UUID creditOf,
                          String note, OffsetDateTime computedAt, OffsetDateTime finalisedAt, LocalDate issuedOn, LocalDate dueOn,
                          List<KindTotal> totals) {
    }

    /** What a kind of charge comes to on an invoice: the lines, their quantity and amount. */
    public record KindTotal(String kind, String heading, int lines, BigDecimal quantity, long amountMinor) {
    }

    /** A line as the API shows it. */
    public record Line(int lineNo, String kind, String causeType, String causeId, LocalDate occurredOn, String description, BigDecimal quantity,
                       String unit, BigDecimal rateMinor, long amountMinor, UUID rateCardId) {
    }

    /** The outcome of recomputing a finalised invoice: whether its lines and total come out the same, and any line that does not. */
    public record Verification(UUID invoiceId, boolean matches, long storedTotalMinor, long recomputedTotalMinor, int storedLines,
                               int recomputedLines, List<String> differences) {
    }

    private record Computed(List<Charge> lines, long netMinor, long vatMinor, int vatRateBp, String currency) {

        boolean hasActivity() {
            return lines.stream().anyMatch(line -> !ChargeKind.MONTHLY_MINIMUM.code.equals(line.kind()));
        }
    }

    // ---- drafts and finalising (each runs in the caller's command transaction)

    /** Creates the merchant's draft for the month, or recomputes the existing draft; a finalised month is refused. */
    public Mono<Invoice> draft(UUID merchantId, YearMonth period) {
        LocalDate start = period.atDay(1);
        if (start.isAfter(clock.today())) {
            return Mono.error(ApiProblem.of(ProblemType.PERIOD_NOT_OVER, "The period " + period + " has not begun: there is nothing to invoice yet"));
        }
        return db.sql("""
                        SELECT id, status FROM invoices WHERE merchant_id = :merchant AND period_start = :start AND kind = 'invoice'
                          AND status IN ('draft', 'finalised') FOR UPDATE
                        """)
                .bind("merchant", merchantId).bind("start", start)
                .map(row -> Map.entry(row.get("id", UUID.class), row.get("status", String.class))).one()
                .flatMap(existing -> "draft".equals(existing.getValue()) ? recompute(existing.getKey())
                        : Mono.error(finalised(existing.getKey())))
                .switchIfEmpty(Mono.defer(() -> compute(merchantId, period, null)
                        .flatMap(computed -> db.sql("""
                                        INSERT INTO invoices (merchant_id, kind, status, period_start, period_end, issuer, currency, net_minor,
                                                              vat_rate_bp, vat_minor, total_minor, computed_at)
                                        VALUES (:merchant, 'invoice', 'draft', :start, :end, :issuer, :currency, :net, :vatRate, :vat, :total, now())
                                        RETURNING id
                                        """)
                                .bind("merchant", merchantId).bind("start", start).bind("end", period.plusMonths(1).atDay(1))
                                .bind("issuer", settings.issuerCode()).bind("currency", computed.currency()).bind("net", computed.netMinor())
                                .bind("vatRate", computed.vatRateBp()).bind("vat", computed.vatMinor())
                                .bind("total", computed.netMinor() + computed.vatMinor())
                                .map(row -> row.get("id", UUID.class)).one()
                                .flatMap(id -> writeLines(id, computed.lines()).then(get(null, id))))));
    }

    /** Recomputes a draft from what is recorded now; a finalised invoice is refused (a credit note undoes it). */
    public Mono<Invoice> recompute(UUID invoiceId) {
        return lockDraft(invoiceId)
                .flatMap(draft -> compute(draft.merchantId(), YearMonth.from(draft.periodStart()), null)
                        .flatMap(computed -> replace(invoiceId, computed)))
                .then(Mono.defer(() -> get(null, invoiceId)));
    }

    /**
     * Finalises a draft whose month is over: recomputed one last time, numbered from the issuer's
     * sequence, its causes marked billed, {@code invoice.finalised} written, in one transaction. An
     * empty month (nothing but a monthly minimum) is refused, as is a month not yet over.
     */
    public Mono<Invoice> finalise(UUID invoiceId) {
        return lockDraft(invoiceId)
                .flatMap(draft -> {
                    if (draft.periodEnd().isAfter(clock.today())) {
                        return Mono.error(ApiProblem.of(ProblemType.PERIOD_NOT_OVER, "The period " + YearMonth.from(draft.periodStart())
                                + " is not over until " + draft.periodEnd() + ": finalise it from that day on"));
                    }
                    return compute(draft.merchantId(), YearMonth.from(draft.periodStart()), null)
                            .flatMap(computed -> {
                                if (!computed.hasActivity()) {
                                    return Mono.error(ApiProblem.of(ProblemType.PERIOD_EMPTY, "Merchant " + draft.merchantId() + " has no charges for "
                                            + YearMonth.from(draft.periodStart()) + ": there is nothing to finalise"));
                                }
                                return replace(invoiceId, computed)
                                        .then(accounts.get(draft.merchantId()))
                                        .flatMap(account -> nextNumber()
                                                .flatMap(number -> db.sql("""
                                                                UPDATE invoices SET status = 'finalised', number = :number, finalised_at = now(),
                                                                    issued_on = :today, due_on = :due
                                                                WHERE id = :id
                                                                """)
                                                        .bind("number", number).bind("today", clock.today())
                                                        .bind("due", clock.today().plusDays(account.paymentTermsDays())).bind("id", invoiceId)
                                                        .then()))
                                        .then(claim(draft.merchantId(), invoiceId));
                            });
                })
                .then(Mono.defer(() -> get(null, invoiceId)))
                .flatMap(invoice -> announce(invoice).thenReturn(invoice));
    }

    /**
     * A credit note for a finalised invoice: every line reversed, numbered from the same sequence
     * and finalised at once; the invoice becomes {@code credited} and its causes are released, so the
     * month can be invoiced again (a new draft) once what was wrong is put right.
     */
    public Mono<Invoice> creditNote(UUID invoiceId, String note) {
        return db.sql("SELECT * FROM invoices WHERE id = :id FOR UPDATE").bind("id", invoiceId).map(this::header).one()
                .switchIfEmpty(Mono.error(() -> ApiProblem.notFound("Invoice", invoiceId)))
                .flatMap(invoice -> {
                    if (!"invoice".equals(invoice.kind()) || !"finalised".equals(invoice.status())) {
                        return Mono.error(ApiProblem.of(ProblemType.INVOICE_NOT_FINALISED, "Invoice " + invoiceId + " is " + invoice.status()
                                + (invoice.kind().equals("credit_note") ? " (a credit note)" : "") + ": only a finalised invoice is credited"));
                    }
                    return nextNumber()
                            .flatMap(number -> db.sql("""
                                            INSERT INTO invoices (merchant_id, kind, status, period_start, period_end, issuer, number, currency, net_minor,
                                                                  vat_rate_bp, vat_minor, total_minor, credit_of, note, computed_at, finalised_at, issued_on, due_on)
                                            VALUES (:merchant, 'credit_note', 'finalised', :start, :end, :issuer, :number, :currency, :net,
                                                    :vatRate, :vat, :total, :creditOf, :note, now(), now(), :today, :today)
                                            RETURNING id
                                            """)
                                    .bind("merchant", invoice.merchantId()).bind("start", invoice.periodStart()).bind("end", invoice.periodEnd())
                                    .bind("issuer", settings.issuerCode()).bind("number", number).bind("currency", invoice.currency())
                                    .bind("net", -invoice.netMinor()).bind("vatRate", invoice.vatRateBp()).bind("vat", -invoice.vatMinor())
                                    .bind("total", -invoice.totalMinor()).bind("creditOf", invoiceId).bind("note", note)
                                    .bind("today", clock.today())
                                    .map(row -> row.get("id", UUID.class)).one())
                            .flatMap(creditId -> db.sql("""
                                            INSERT INTO invoice_lines (invoice_id, line_no, kind, cause_type, cause_id, occurred_on, description, quantity,
                                                                       unit, rate_minor, amount_minor, rate_card_id)
                                            SELECT :credit, line_no, kind, cause_type, cause_id, occurred_on, description, -quantity, unit, rate_minor,
                                                   -amount_minor, rate_card_id
                                            FROM invoice_lines WHERE invoice_id = :invoice
                                            """)
                                    .bind("credit", creditId).bind("invoice", invoiceId).then()
                                    .then(db.sql("UPDATE invoices SET status = 'credited' WHERE id = :id").bind("id", invoiceId).then())
                                    .then(db.sql("DELETE FROM billed_causes WHERE invoice_id = :id").bind("id", invoiceId).then())
                                    .then(Mono.defer(() -> get(null, creditId))));
                })
                .flatMap(credit -> announce(credit).thenReturn(credit));
    }

    /** Recomputes a finalised invoice's causes from what is recorded and the rate cards, and compares line by line. */
    public Mono<Verification> verify(UUID invoiceId) {
        return get(null, invoiceId)
                .flatMap(invoice -> {
                    if (!"finalised".equals(invoice.status()) || !"invoice".equals(invoice.kind())) {
                        return Mono.error(ApiProblem.of(ProblemType.INVOICE_NOT_FINALISED, "Invoice " + invoiceId + " is " + invoice.status()
                                + ": only a finalised invoice is verified"));
                    }
                    return lines(null, invoiceId, 0, Integer.MAX_VALUE)
                            .flatMap(stored -> compute(invoice.merchantId(), YearMonth.from(invoice.periodStart()), invoiceId)
                                    .map(recomputed -> compare(invoice, stored, recomputed)));
                });
    }

    private static Verification compare(Invoice invoice, List<Line> stored, Computed recomputed) {
        List<String> differences = new ArrayList<>();
        int n = Math.max(stored.size(), recomputed.lines().size());
        for (int i = 0; i < n && differences.size() < 20; i++) {
            Line line = i < stored.size() ? stored.get(i) : null;
            Charge charge = i < recomputed.lines().size() ? recomputed.lines().get(i) : null;
            if (line == null || charge == null || !line.kind().equals(charge.kind()) || !line.causeId().equals(charge.causeId())
                    || line.quantity().compareTo(charge.quantity()) != 0 || line.rateMinor().compareTo(charge.rateMinor()) != 0
                    || line.amountMinor() != charge.amountMinor()) {
                differences.add("line " + (i + 1) + ": stored " + (line == null ? "none" : line.kind() + " " + line.causeId() + " " + line.amountMinor())
                        + ", recomputed " + (charge == null ? "none" : charge.kind() + " " + charge.causeId() + " " + charge.amountMinor()));
            }
        }
        long recomputedTotal = recomputed.netMinor() + recomputed.vatMinor();
        return new Verification(invoice.id(), differences.isEmpty() && recomputedTotal == invoice.totalMinor(), invoice.totalMinor(),
                recomputedTotal, stored.size(), recomputed.lines().size(), differences);
    }

    // ---- computing

    /**
     * The lines of the merchant's invoice for the month: causes dated in it and, when the month
     * before is closed, that month's causes billed nowhere; causes billed on another invoice are left
     * out. With {@code onlyOf}, only the causes that finalised invoice billed (its verification).
     */
    private Mono<Computed> compute(UUID merchantId, YearMonth period, UUID onlyOf) {
        LocalDate start = period.atDay(1);
        LocalDate end = period.plusMonths(1).atDay(1);
        LocalDate previous = period.minusMonths(1).atDay(1);
        // Sequential, not zipped: these run on the command's one transactional connection (see ChargeSources).
        return accounts.get(merchantId)
                .flatMap(account -> rateCards.list(merchantId)
                        .flatMap(cards -> previousClosed(merchantId, previous)
                                .flatMap(closed -> billed(merchantId, previous, onlyOf)
                                        .map(billed -> new Inputs(account, cards, closed, billed)))))
                .flatMap(inputs -> {
                    BillingAccounts.Account account = inputs.account();
                    ChargeRules rules = new ChargeRules(inputs.cards(), account.currency());
                    boolean lookBack = onlyOf != null || inputs.previousClosed();
                    Set<String> billed = inputs.billed();
                    return sources.between(merchantId, rules, lookBack ? previous : start, end)
                            .flatMap(charges -> backDated(merchantId, rules, previous, onlyOf, billed).map(late -> {
                                List<Charge> lines = new ArrayList<>(charges.size() + late.size() + 1);
                                long net = 0;
                                for (Charge charge : charges) {
                                    if (onlyOf == null ? !billed.contains(charge.causeKey()) : billed.contains(charge.causeKey())) {
                                        lines.add(charge);
                                    }
                                }
                                lines.addAll(late);
                                lines.sort(ChargeSources.INVOICE_ORDER);
                                for (int i = 0; i < lines.size(); i++) {
                                    Charge line = lines.get(i);
                                    net += line.amountMinor();
                                    if (line.occurredOn().isBefore(start)) {
                                        lines.set(i, markedLate(line));
                                    }
                                }
                                var minimum = rules.monthlyMinimum(start, period.toString(), net);
                                if (minimum.isPresent()) {
                                    lines.add(minimum.get());
                                    net += minimum.get().amountMinor();
                                }
                                long vat = Charge.round(BigDecimal.valueOf(net).multiply(BigDecimal.valueOf(account.vatRateBp()))
                                        .divide(BigDecimal.valueOf(10_000)));
                                return new Computed(lines, net, vat, account.vatRateBp(), account.currency());
                            }));
                });
    }

    /**
     * Causes dated before the month before the invoice's, back to the merchant's first invoiced month,
     * that no invoice billed (or, with {@code onlyOf}, that this invoice billed): only those that can be
     * dated back ({@link ChargeSources#backDatable}). Billing them now, marked late, rather than never.
     */
    private Mono<List<Charge>> backDated(UUID merchantId, ChargeRules rules, LocalDate previous, UUID onlyOf, Set<String> billedNow) {
        return db.sql("""
                        SELECT min(period_start) AS first FROM invoices
                        WHERE merchant_id = :merchant AND kind = 'invoice' AND status IN ('finalised', 'credited')
                        """)
                .bind("merchant", merchantId)
                .map(row -> Optional.ofNullable(row.get("first", LocalDate.class))).one()
                .flatMap(first -> first.isEmpty() || !first.get().isBefore(previous) ? Mono.just(List.<Charge>of())
                        : sources.backDatable(merchantId, rules, first.get(), previous)
                                .flatMap(charges -> (onlyOf != null ? Mono.just(billedNow) : billedBackDatable(merchantId, first.get()))
                                        .map(billed -> charges.stream()
                                                .filter(charge -> onlyOf == null ? !billed.contains(charge.causeKey()) : billed.contains(charge.causeKey()))
                                                .toList())));
    }

    /** The back-datable causes billed on invoices whose month ends after {@code since}. */
    private Mono<Set<String>> billedBackDatable(UUID merchantId, LocalDate since) {
        return db.sql("""
                        SELECT b.kind, b.cause_type, b.cause_id FROM billed_causes b JOIN invoices i ON i.id = b.invoice_id
                        WHERE b.merchant_id = :merchant AND i.period_end > :since AND b.cause_type = ANY(:types)
                        """)
                .bind("merchant", merchantId).bind("since", since).bind("types", ChargeSources.BACK_DATABLE_CAUSES.toArray(String[]::new))
                .map(row -> row.get("kind", String.class) + "|" + row.get("cause_type", String.class) + "|" + row.get("cause_id", String.class))
                .all().collect(HashSet::new, Set::add);
    }

    /** A cause dated before the invoice's month says so on every line it shows on (JSON, CSV, PDF). */
    private static Charge markedLate(Charge charge) {
        return new Charge(charge.kind(), charge.causeType(), charge.causeId(), charge.occurredOn(),
                "Late, dated " + charge.occurredOn() + ": " + charge.description(), charge.quantity(), charge.unit(), charge.rateMinor(),
                charge.amountMinor(), charge.rateCardId());
    }

    private record Inputs(BillingAccounts.Account account, List<RateCards.RateCard> cards, boolean previousClosed, Set<String> billed) {
    }

    /** Whether the month before has been invoiced for good (finalised, or credited and so closed once). */
    private Mono<Boolean> previousClosed(UUID merchantId, LocalDate previousStart) {
        return db.sql("""
                        SELECT EXISTS (SELECT 1 FROM invoices WHERE merchant_id = :merchant AND period_start = :start AND kind = 'invoice'
                                       AND status IN ('finalised', 'credited')) AS closed
                        """)
                .bind("merchant", merchantId).bind("start", previousStart)
                .map(row -> Boolean.TRUE.equals(row.get("closed", Boolean.class))).one();
    }

    /**
     * Causes already billed that a charge dated on or after {@code since} could match: those of
     * invoices whose month ends after it (or, with {@code onlyOf}, that invoice's own).
     */
    private Mono<Set<String>> billed(UUID merchantId, LocalDate since, UUID onlyOf) {
        DatabaseClient.GenericExecuteSpec query = onlyOf != null
                ? db.sql("SELECT kind, cause_type, cause_id FROM billed_causes WHERE invoice_id = :invoice").bind("invoice", onlyOf)
                : db.sql("""
                                SELECT b.kind, b.cause_type, b.cause_id FROM billed_causes b JOIN invoices i ON i.id = b.invoice_id
                                WHERE b.merchant_id = :merchant AND i.period_end > :since
                                """)
                        .bind("merchant", merchantId).bind("since", since);
        return query.map(row -> row.get("kind", String.class) + "|" + row.get("cause_type", String.class) + "|" + row.get("cause_id", String.class))
                .all().collect(HashSet::new, Set::add);
    }

    // ---- writing

    private Mono<Invoice> lockDraft(UUID invoiceId) {
        return db.sql("SELECT * FROM invoices WHERE id = :id FOR UPDATE").bind("id", invoiceId).map(this::header).one()
                .switchIfEmpty(Mono.error(() -> ApiProblem.notFound("Invoice", invoiceId)))
                .flatMap(invoice -> "draft".equals(invoice.status()) ? Mono.just(invoice) : Mono.error(finalised(invoiceId)));
    }

    private static ApiProblem finalised(UUID invoiceId) {
        return ApiProblem.of(ProblemType.INVOICE_FINALISED, "Invoice " + invoiceId
                + " is finalised and never changes: issue a credit note (POST /api/v1/admin/billing/invoices/{id}/credit-note) to undo it");
    }

    private Mono<Void> replace(UUID invoiceId, Computed computed) {
        return db.sql("""
                        UPDATE invoices SET net_minor = :net, vat_rate_bp = :vatRate, vat_minor = :vat, total_minor = :total,
                            currency = :currency, computed_at = now()
                        WHERE id = :id
                        """)
                .bind("net", computed.netMinor()).bind("vatRate", computed.vatRateBp()).bind("vat", computed.vatMinor())
                .bind("total", computed.netMinor() + computed.vatMinor()).bind("currency", computed.currency()).bind("id", invoiceId)
                .then()
                .then(db.sql("DELETE FROM invoice_lines WHERE invoice_id = :id").bind("id", invoiceId).then())
                .then(writeLines(invoiceId, computed.lines()));
    }

    /** The lines in chunks of one statement each (arrays unnested), numbered from 1 in invoice order. */
    private Mono<Void> writeLines(UUID invoiceId, List<Charge> lines) {
        return Flux.range(0, (lines.size() + CHUNK - 1) / CHUNK).concatMap(chunk -> {
            List<Charge> part = lines.subList(chunk * CHUNK, Math.min(lines.size(), (chunk + 1) * CHUNK));
            int n = part.size();
            Integer[] lineNo = new Integer[n];
            String[] kind = new String[n];
            String[] causeType = new String[n];
            String[] causeId = new String[n];
            String[] occurredOn = new String[n];
            String[] description = new String[n];
            String[] quantity = new String[n];
            String[] unit = new String[n];
            String[] rate = new String[n];
            Long[] amount = new Long[n];
            String[] rateCard = new String[n];
            for (int i = 0; i < n; i++) {
                Charge line = part.get(i);
                lineNo[i] = chunk * CHUNK + i + 1;
                kind[i] = line.kind();
                causeType[i] = line.causeType();
                causeId[i] = line.causeId();
                occurredOn[i] = line.occurredOn().toString();
                description[i] = line.description();
                quantity[i] = line.quantity().toPlainString();
                unit[i] = line.unit();
                rate[i] = line.rateMinor().toPlainString();
                amount[i] = line.amountMinor();
                rateCard[i] = line.rateCardId() == null ? null : line.rateCardId().toString();
            }
            return db.sql("""
                            INSERT INTO invoice_lines (invoice_id, line_no, kind, cause_type, cause_id, occurred_on, description, quantity, unit,
                                                       rate_minor, amount_minor, rate_card_id)
                            SELECT :invoice, * FROM unnest(CAST(:lineNo AS integer[]), CAST(:kind AS text[]), CAST(:causeType AS text[]),
                                CAST(:causeId AS text[]), CAST(:occurredOn AS date[]), CAST(:description AS text[]), CAST(:quantity AS numeric[]),
                                CAST(:unit AS text[]), CAST(:rate AS numeric[]), CAST(:amount AS bigint[]), CAST(:rateCard AS uuid[]))
                            """)
                    .bind("invoice", invoiceId).bind("lineNo", lineNo).bind("kind", kind).bind("causeType", causeType).bind("causeId", causeId)
                    .bind("occurredOn", occurredOn).bind("description", description).bind("quantity", quantity).bind("unit", unit)
                    .bind("rate", rate).bind("amount", amount).bind("rateCard", rateCard)
                    .then();
        }).then();
    }

    /** Marks the lines' causes billed by this invoice; a cause another invoice billed meanwhile fails the finalisation (409). */
    private Mono<Void> claim(UUID merchantId, UUID invoiceId) {
        return db.sql("""
                        INSERT INTO billed_causes (merchant_id, kind, cause_type, cause_id, invoice_id)
                        SELECT :merchant, kind, cause_type, cause_id, invoice_id FROM invoice_lines WHERE invoice_id = :invoice
                        """)
                .bind("merchant", merchantId).bind("invoice", invoiceId).then();
    }

    /** The issuer's next number, gap-free: the sequence row is locked until the finalising transaction ends. */
    private Mono<String> nextNumber() {
        return db.sql("INSERT INTO invoice_sequences (issuer) VALUES (:issuer) ON CONFLICT DO NOTHING").bind("issuer", settings.issuerCode()).then()
                .then(db.sql("UPDATE invoice_sequences SET last_number = last_number + 1 WHERE issuer = :issuer RETURNING last_number")
                        .bind("issuer", settings.issuerCode()).map(row -> row.get("last_number", Long.class)).one())
                .map(number -> settings.issuerCode() + "-" + String.format("%06d", number));
    }

    private Mono<Void> announce(Invoice invoice) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("invoice_id", invoice.id());
        payload.put("kind", invoice.kind());
        payload.put("number", invoice.number());
        payload.put("merchant_id", invoice.merchantId());
        payload.put("period_start", invoice.periodStart().toString());
        payload.put("period_end", invoice.periodEnd().toString());
        payload.put("currency", invoice.currency());
        payload.put("net_minor", invoice.netMinor());
        payload.put("vat_rate_bp", invoice.vatRateBp());
        payload.put("vat_minor", invoice.vatMinor());
        payload.put("total_minor", invoice.totalMinor());
        payload.put("issued_on", invoice.issuedOn().toString());
        payload.put("due_on", invoice.dueOn().toString());
        if (invoice.creditOf() != null) {
            payload.put("credit_of", invoice.creditOf());
        }
        payload.put("finalised_at", invoice.finalisedAt().withOffsetSameInstant(ZoneOffset.UTC).toString());
        return outbox.append(invoice.merchantId(), EventTypes.INVOICE_FINALISED, invoice.id().toString(), payload);
    }

    // ---- reading: a merchant (merchantId set) sees its own finalised and credited invoices and credit notes; the admin (null) sees all

    public Mono<Invoice> get(UUID merchantId, UUID invoiceId) {
        return db.sql("""
                        SELECT * FROM invoices WHERE id = :id
                          AND (CAST(:merchant AS uuid) IS NULL OR (merchant_id = :merchant AND status <> 'draft'))
                        """)
                .bind("id", invoiceId).bind("merchant", Params.nullable(merchantId, UUID.class))
                .map(this::header).one()
                .switchIfEmpty(Mono.error(() -> ApiProblem.notFound("Invoice", invoiceId)))
                .flatMap(invoice -> totals(invoiceId).map(totals -> withTotals(invoice, totals)));
    }

    public Mono<List<Invoice>> list(UUID merchantId, UUID forMerchant) {
        return db.sql("""
                        SELECT * FROM invoices
                        WHERE (CAST(:merchant AS uuid) IS NULL OR (merchant_id = :merchant AND status <> 'draft'))
                          AND (CAST(:forMerchant AS uuid) IS NULL OR merchant_id = :forMerchant)
                        ORDER BY period_start DESC, created_at DESC LIMIT 500
                        """)
                .bind("merchant", Params.nullable(merchantId, UUID.class)).bind("forMerchant", Params.nullable(forMerchant, UUID.class))
                .map(this::header).all().collectList();
    }

    /** Lines after {@code afterLineNo}, at most {@code limit}, in line order (the invoice is checked readable first). */
    public Mono<List<Line>> lines(UUID merchantId, UUID invoiceId, int afterLineNo, int limit) {
        return get(merchantId, invoiceId).then(db.sql("""
                        SELECT * FROM invoice_lines WHERE invoice_id = :id AND line_no > :after ORDER BY line_no LIMIT :limit
                        """)
                .bind("id", invoiceId).bind("after", afterLineNo).bind("limit", limit)
                .map(Invoices::line).all().collectList());
    }

    /** Every line, streamed in line order, for the CSV. */
    Flux<Line> allLines(UUID invoiceId) {
        return db.sql("SELECT * FROM invoice_lines WHERE invoice_id = :id ORDER BY line_no").bind("id", invoiceId).map(Invoices::line).all();
    }

    /** Lines summed per kind, unit and rate: the rows of the PDF. */
    Mono<List<Line>> groupedLines(UUID invoiceId) {
        return db.sql("""
                        SELECT kind, unit, rate_minor, count(*) AS lines, sum(quantity) AS quantity, sum(amount_minor) AS amount_minor,
                               min(occurred_on) AS first_on
                        FROM invoice_lines WHERE invoice_id = :id GROUP BY kind, unit, rate_minor
                        """)
                .bind("id", invoiceId)
                .map(row -> new Line(((Number) row.get("lines")).intValue(), row.get("kind", String.class), null, null, row.get("first_on", LocalDate.class),
                        null, row.get("quantity", BigDecimal.class), row.get("unit", String.class), row.get("rate_minor", BigDecimal.class),
                        ((Number) row.get("amount_minor")).longValue(), null))
                .all().collectList()
                .map(rows -> rows.stream().sorted(java.util.Comparator.<Line>comparingInt(line -> ChargeKind.of(line.kind()).ordinal())
                        .thenComparing(Line::rateMinor)).toList());
    }

    private Mono<List<KindTotal>> totals(UUID invoiceId) {
        return db.sql("""
                        SELECT kind, count(*) AS lines, sum(quantity) AS quantity, sum(amount_minor) AS amount_minor
                        FROM invoice_lines WHERE invoice_id = :id GROUP BY kind
                        """)
                .bind("id", invoiceId)
                .map(row -> new KindTotal(row.get("kind", String.class), ChargeKind.of(row.get("kind", String.class)).heading,
                        ((Number) row.get("lines")).intValue(), row.get("quantity", BigDecimal.class), ((Number) row.get("amount_minor")).longValue()))
                .all().collectList()
                .map(totals -> totals.stream().sorted(java.util.Comparator.comparingInt(total -> ChargeKind.of(total.kind()).ordinal())).toList());
    }

    private Invoice header(Readable row) {
        return new Invoice(row.get("id", UUID.class), row.get("merchant_id", UUID.class), row.get("kind", String.class), row.get("status", String.class),
                row.get("number", String.class), row.get("issuer", String.class), row.get("period_start", LocalDate.class),
                row.get("period_end", LocalDate.class), row.get("currency", String.class), row.get("net_minor", Long.class),
                row.get("vat_rate_bp", Integer.class), row.get("vat_minor", Long.class), row.get("total_minor", Long.class),
                row.get("credit_of", UUID.class), row.get("note", String.class), row.get("computed_at", OffsetDateTime.class),
                row.get("finalised_at", OffsetDateTime.class), row.get("issued_on", LocalDate.class), row.get("due_on", LocalDate.class), List.of());
    }

    private static Invoice withTotals(Invoice invoice, List<KindTotal> totals) {
        return new Invoice(invoice.id(), invoice.merchantId(), invoice.kind(), invoice.status(), invoice.number(), invoice.issuer(),
                invoice.periodStart(), invoice.periodEnd(), invoice.currency(), invoice.netMinor(), invoice.vatRateBp(), invoice.vatMinor(),
                invoice.totalMinor(), invoice.creditOf(), invoice.note(), invoice.computedAt(), invoice.finalisedAt(), invoice.issuedOn(),
                invoice.dueOn(), totals);
    }

    private static Line line(Readable row) {
        return new Line(row.get("line_no", Integer.class), row.get("kind", String.class), row.get("cause_type", String.class),
                row.get("cause_id", String.class), row.get("occurred_on", LocalDate.class), row.get("description", String.class),
                row.get("quantity", BigDecimal.class), row.get("unit", String.class), row.get("rate_minor", BigDecimal.class),
                row.get("amount_minor", Long.class), row.get("rate_card_id", UUID.class));
    }
}
