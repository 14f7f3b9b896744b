package io.stowage.carriers.tracking;

/**
 * The raw bytes of a webhook whose signature has been checked. Only {@link WebhookVerifier} creates
 * one, so a parser that takes this type cannot be handed unverified input.
 */
public final class VerifiedWebhook {

    private final String carrierCode;
    private final byte[] body;

    VerifiedWebhook(String carrierCode, byte[] body) {
        this.carrierCode = carrierCode;
        this.body = body.clone();
    }

    public String carrierCode() {
        return carrierCode;
    }

    public byte[] body() {
        return body.clone();
    }
}
