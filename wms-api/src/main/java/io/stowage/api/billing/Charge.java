package io.stowage.api.billing;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.UUID;

/**
 * One priced thing the 3PL did: its kind, its cause (what the system recorded: a shipment, a
 * carton, a ledger movement, a day of storage, a manual charge), its own date, the quantity, the
 * rate of the rate-card version in force that day and the amount, rounded once (half up to a whole
 * minor unit) from quantity times rate.
 */
public record Charge(String kind, String causeType, String causeId, LocalDate occurredOn, String description, BigDecimal quantity,
                     String unit, BigDecimal rateMinor, long amountMinor, UUID rateCardId) {

    /** The key a cause is billed under once: kind, cause type and cause id. */
    String causeKey() {
        return kind + "|" + causeType + "|" + causeId;
    }

    /** A line whose amount is quantity times rate, rounded once, half up. */
    static Charge priced(String kind, String causeType, String causeId, LocalDate occurredOn, String description, BigDecimal quantity,
                         String unit, BigDecimal rateMinor, UUID rateCardId) {
        return new Charge(kind, causeType, causeId, occurredOn, description, quantity, unit, rateMinor,
                round(quantity.multiply(rateMinor)), rateCardId);
    }

    /** The rounding rule of every line and of VAT: to a whole minor unit, halves away from zero. */
    static long round(BigDecimal minor) {
        return minor.setScale(0, RoundingMode.HALF_UP).longValueExact();
    }
}
