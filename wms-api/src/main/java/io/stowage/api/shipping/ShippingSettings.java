package io.stowage.api.shipping;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Shipping's configuration ({@code stowage.shipping.*}).
 *
 * @param gs1CompanyPrefix   the 3PL's GS1 company prefix, for SSCCs of merchants without their own
 * @param ssccExtensionDigit the SSCC extension digit (0 to 9) this installation uses
 * @param credentialsKey     base64 of 32 bytes: the AES-256 key that encrypts carrier API keys at rest; without it
 *                           no account with an API key (EasyPost) can be added
 * @param purchaseLease      how long an instance may take to buy a label before another takes the purchase over
 * @param recoveryPoll       how often each instance looks for purchases whose lease ran out
 * @param currency           the currency carrier quotes are compared in when the planned service cannot be bought
 * @param defaultCarrier     the carrier of a merchant without carrier accounts when no service was planned or chosen
 * @param easypostBaseUri    EasyPost's API; an administrator may set another per account (a proxy or test server)
 */
@ConfigurationProperties("stowage.shipping")
public record ShippingSettings(
        @DefaultValue("4750000") String gs1CompanyPrefix,
        @DefaultValue("0") int ssccExtensionDigit,
        @DefaultValue("") String credentialsKey,
        @DefaultValue("2m") Duration purchaseLease,
        @DefaultValue("5s") Duration recoveryPoll,
        @DefaultValue("true") boolean recoveryEnabled,
        @DefaultValue("EUR") String currency,
        @DefaultValue("sandbox") String defaultCarrier,
        @DefaultValue("https://api.easypost.com/v2/") URI easypostBaseUri,
        @DefaultValue("20s") Duration easypostRequestTimeout,
        @DefaultValue("sandbox-demo-webhook-secret") String sandboxWebhookSecret) {

    @Override
    public String toString() {
        // The credentials key never goes into logs.
        return "ShippingSettings[gs1CompanyPrefix=" + gs1CompanyPrefix + ", purchaseLease=" + purchaseLease + "]";
    }
}
