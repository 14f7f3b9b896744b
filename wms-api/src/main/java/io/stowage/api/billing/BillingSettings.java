package io.stowage.api.billing;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The 3PL as the issuer of invoices ({@code stowage.billing.*}) and the storage snapshot loop. The
 * issuer code names the gap-free number sequence and starts every invoice number.
 */
@ConfigurationProperties("stowage.billing")
public record BillingSettings(
        @DefaultValue("STW") String issuerCode,
        @DefaultValue("Stowage 3PL") String issuerName,
        @DefaultValue("Savanorių pr. 178, 03154 Vilnius, Lithuania") String issuerAddress,
        @DefaultValue("") String issuerVatNumber,
        @DefaultValue("") String issuerBankAccount,
        @DefaultValue("true") boolean snapshotsEnabled,
        @DefaultValue("10m") Duration snapshotPoll,
        @DefaultValue("62") int snapshotCatchUpDays) {

    public BillingSettings {
        if (!issuerCode.matches("[A-Z0-9]{1,10}")) {
            throw new IllegalStateException("stowage.billing.issuer-code must be 1 to 10 capital letters or digits, not " + issuerCode);
        }
        if (snapshotCatchUpDays < 1) {
            throw new IllegalStateException("stowage.billing.snapshot-catch-up-days must be positive");
        }
    }
}
