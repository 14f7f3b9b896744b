package io.stowage.carriers.tracking;

import java.util.Objects;

/**
 * Where and how a carrier puts its HMAC-SHA256 signature: the header, a literal prefix before the
 * digest (EasyPost writes {@code hmac-sha256-hex=}), and whether the digest is hex or Base64.
 */
public record WebhookSignatureScheme(String headerName, String valuePrefix, DigestEncoding encoding) {

    public enum DigestEncoding {
        HEX,
        BASE64
    }

    public WebhookSignatureScheme {
        Objects.requireNonNull(headerName, "headerName");
        valuePrefix = Objects.requireNonNullElse(valuePrefix, "");
        Objects.requireNonNull(encoding, "encoding");
    }
}
