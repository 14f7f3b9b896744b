package io.stowage.carriers.tracking;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Checks a carrier webhook's HMAC-SHA256 signature over the raw request bytes, before anything
 * parses them. The digests are compared with {@link MessageDigest#isEqual}, which takes the same
 * time wherever the first difference is, so the signature cannot be guessed byte by byte.
 */
public final class WebhookVerifier {

    private static final String ALGORITHM = "HmacSHA256";

    private final String carrierCode;
    private final WebhookSignatureScheme scheme;
    private final SecretKeySpec key;

    public WebhookVerifier(String carrierCode, WebhookSignatureScheme scheme, byte[] secret) {
        if (secret.length == 0) {
            throw new IllegalArgumentException("webhook secret for " + carrierCode + " must not be empty");
        }
        this.carrierCode = carrierCode;
        this.scheme = scheme;
        this.key = new SecretKeySpec(secret, ALGORITHM);
    }

    /** Computes the header value a sender with the same secret would send; used by senders and tests. */
    public String sign(byte[] rawBody) {
        byte[] digest = hmac(rawBody);
        String encoded = scheme.encoding() == WebhookSignatureScheme.DigestEncoding.HEX
                ? HexFormat.of().formatHex(digest) : Base64.getEncoder().encodeToString(digest);
        return scheme.valuePrefix() + encoded;
    }

    /**
     * @param headers request headers; names are matched ignoring case
     * @throws WebhookVerificationException when the signature header is missing, malformed or wrong
     */
    public VerifiedWebhook verify(byte[] rawBody, Map<String, List<String>> headers) {
        String presented = headerValue(headers);
        if (!presented.startsWith(scheme.valuePrefix())) {
            throw new WebhookVerificationException(carrierCode + " webhook signature does not start with '"
                    + scheme.valuePrefix() + "'");
        }
        byte[] presentedDigest = decode(presented.substring(scheme.valuePrefix().length()).trim());
        if (!MessageDigest.isEqual(hmac(rawBody), presentedDigest)) {
            throw new WebhookVerificationException(carrierCode + " webhook signature does not match the body");
        }
        return new VerifiedWebhook(carrierCode, rawBody);
    }

    private String headerValue(Map<String, List<String>> headers) {
        return headers.entrySet().stream()
                .filter(entry -> entry.getKey() != null && entry.getKey().equalsIgnoreCase(scheme.headerName()))
                .flatMap(entry -> entry.getValue().stream())
                .findFirst()
                .orElseThrow(() -> new WebhookVerificationException(carrierCode + " webhook has no "
                        + scheme.headerName() + " header"));
    }

    private byte[] decode(String digest) {
        try {
            return scheme.encoding() == WebhookSignatureScheme.DigestEncoding.HEX
                    ? HexFormat.of().parseHex(digest.toLowerCase(Locale.ROOT))
                    : Base64.getDecoder().decode(digest);
        } catch (IllegalArgumentException e) {
            throw new WebhookVerificationException(carrierCode + " webhook signature is not valid "
                    + scheme.encoding().name().toLowerCase(Locale.ROOT));
        }
    }

    private byte[] hmac(byte[] rawBody) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac.doFinal(rawBody);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is required by every Java platform", e);
        }
    }
}
