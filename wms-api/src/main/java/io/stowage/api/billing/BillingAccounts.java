package io.stowage.api.billing;

import io.r2dbc.spi.Readable;
import io.stowage.api.database.Params;
import io.stowage.api.merchants.Merchants;
import io.stowage.api.problem.ApiProblem;
import io.stowage.api.problem.ProblemType;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/** How each merchant is billed: its currency, VAT rate, payment terms and the name and address on its invoices. */
@Service
public class BillingAccounts {

    private final DatabaseClient db;
    private final Merchants merchants;

    public BillingAccounts(DatabaseClient db, Merchants merchants) {
        this.db = db;
        this.merchants = merchants;
    }

    public record Account(UUID merchantId, String currency, int vatRateBp, int paymentTermsDays, String legalName, String address,
                          String vatNumber) {
    }

    /**
     * Sets the merchant's account. The currency is fixed once a rate card exists: every price of the
     * merchant is in it, so changing it would reprice history.
     */
    public Mono<Account> put(UUID merchantId, Account account) {
        return merchants.get(merchantId)
                .then(db.sql("SELECT currency FROM rate_cards WHERE merchant_id = :merchant LIMIT 1")
                        .bind("merchant", merchantId).map(row -> row.get("currency", String.class)).one()
                        .flatMap(cardCurrency -> cardCurrency.equals(account.currency()) ? Mono.<Void>empty()
                                : Mono.error(ApiProblem.of(ProblemType.CURRENCY_MISMATCH, "The merchant's rate cards are in " + cardCurrency
                                        + "; the account's currency cannot become " + account.currency()))))
                .then(db.sql("""
                                INSERT INTO billing_accounts (merchant_id, currency, vat_rate_bp, payment_terms_days, legal_name, address, vat_number)
                                VALUES (:merchant, :currency, :vat, :terms, :name, :address, :vatNumber)
                                ON CONFLICT (merchant_id) DO UPDATE SET currency = excluded.currency, vat_rate_bp = excluded.vat_rate_bp,
                                    payment_terms_days = excluded.payment_terms_days, legal_name = excluded.legal_name,
                                    address = excluded.address, vat_number = excluded.vat_number, updated_at = now()
                                RETURNING *
                                """)
                        .bind("merchant", merchantId).bind("currency", account.currency()).bind("vat", account.vatRateBp())
                        .bind("terms", account.paymentTermsDays()).bind("name", account.legalName()).bind("address", account.address())
                        .bind("vatNumber", Params.nullable(account.vatNumber(), String.class))
                        .map(BillingAccounts::account).one());
    }

    /** The merchant's account, or a 409 saying billing is not set up for it (a 404 when the merchant does not exist). */
    public Mono<Account> get(UUID merchantId) {
        return db.sql("SELECT * FROM billing_accounts WHERE merchant_id = :merchant").bind("merchant", merchantId)
                .map(BillingAccounts::account).one()
                .switchIfEmpty(Mono.defer(() -> merchants.get(merchantId).then(Mono.error(ApiProblem.of(ProblemType.NO_BILLING_ACCOUNT,
                        "Merchant " + merchantId + " has no billing account: PUT /api/v1/admin/billing/merchants/" + merchantId + "/account first")))));
    }

    private static Account account(Readable row) {
        return new Account(row.get("merchant_id", UUID.class), row.get("currency", String.class), row.get("vat_rate_bp", Integer.class),
                row.get("payment_terms_days", Integer.class), row.get("legal_name", String.class), row.get("address", String.class),
                row.get("vat_number", String.class));
    }
}
