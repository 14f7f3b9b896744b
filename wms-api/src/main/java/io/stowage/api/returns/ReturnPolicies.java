package io.stowage.api.returns;

import io.stowage.api.problem.ApiProblem;
import io.stowage.api.problem.ProblemType;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/** Each merchant's rules for returns: the window, what cannot come back, the reasons, who pays the label, exchanges. */
@Service
class ReturnPolicies {

    /**
     * @param windowDays   days from delivery in which a return may start (from shipping while delivery is not known)
     * @param labelPaidBy  {@code merchant} or {@code customer}
     */
    record ReturnPolicy(int windowDays, List<String> nonReturnableSkus, List<String> reasons, String labelPaidBy, boolean exchangesAllowed,
                  OffsetDateTime updatedAt) {
    }

    private final DatabaseClient db;

    ReturnPolicies(DatabaseClient db) {
        this.db = db;
    }

    Mono<ReturnPolicy> put(UUID merchantId, ReturnPolicy policy) {
        return db.sql("""
                        INSERT INTO return_policies (merchant_id, window_days, non_returnable_skus, reasons, label_paid_by, exchanges_allowed)
                        VALUES (:merchant, :window, :skus, :reasons, :paidBy, :exchanges)
                        ON CONFLICT (merchant_id) DO UPDATE SET window_days = EXCLUDED.window_days,
                            non_returnable_skus = EXCLUDED.non_returnable_skus, reasons = EXCLUDED.reasons,
                            label_paid_by = EXCLUDED.label_paid_by, exchanges_allowed = EXCLUDED.exchanges_allowed,
                            updated_at = clock_timestamp()
                        """)
                .bind("merchant", merchantId).bind("window", policy.windowDays())
                .bind("skus", policy.nonReturnableSkus().toArray(String[]::new))
                .bind("reasons", policy.reasons().toArray(String[]::new))
                .bind("paidBy", policy.labelPaidBy()).bind("exchanges", policy.exchangesAllowed())
                .then()
                .then(read(merchantId));
    }

    /** The merchant's policy, or a 404 when they have none yet. */
    Mono<ReturnPolicy> get(UUID merchantId) {
        return read(merchantId).switchIfEmpty(Mono.error(() -> ApiProblem.of(ProblemType.NOT_FOUND, "No return policy is set; PUT /api/v1/return-policy sets one")));
    }

    /** The policy a return is checked against; a 409 while the merchant has none, as nothing says what may come back. */
    Mono<ReturnPolicy> require(UUID merchantId) {
        return read(merchantId).switchIfEmpty(Mono.error(() -> ApiProblem.of(ProblemType.NO_RETURN_POLICY,
                "The merchant has not set a return policy, so returns are not taken yet")));
    }

    private Mono<ReturnPolicy> read(UUID merchantId) {
        return db.sql("""
                        SELECT window_days, non_returnable_skus, reasons, label_paid_by, exchanges_allowed, updated_at
                        FROM return_policies WHERE merchant_id = :merchant
                        """)
                .bind("merchant", merchantId)
                .map(row -> new ReturnPolicy(row.get("window_days", Integer.class), Arrays.asList(row.get("non_returnable_skus", String[].class)),
                        Arrays.asList(row.get("reasons", String[].class)), row.get("label_paid_by", String.class),
                        Boolean.TRUE.equals(row.get("exchanges_allowed", Boolean.class)), row.get("updated_at", OffsetDateTime.class)))
                .one();
    }
}
