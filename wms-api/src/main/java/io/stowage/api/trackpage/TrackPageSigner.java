package io.stowage.api.trackpage;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Signs what the tracking page leaves with a visitor (the unlocked order, the form's CSRF token) with
 * HMAC-SHA256 under one key kept in the database: the first instance to start makes it, and every
 * instance reads the same one, so a cookie signed by one is accepted by all.
 */
@Component
class TrackPageSigner {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

    private final Mono<byte[]> key;

    TrackPageSigner(DatabaseClient db) {
        byte[] candidate = new byte[32];
        RANDOM.nextBytes(candidate);
        this.key = db.sql("INSERT INTO trackpage_signing_keys (id, secret) VALUES (1, :secret) ON CONFLICT (id) DO NOTHING")
                .bind("secret", candidate).then()
                .then(db.sql("SELECT secret FROM trackpage_signing_keys WHERE id = 1").map(row -> row.get("secret", byte[].class)).one())
                .cache(loaded -> java.time.Duration.ofDays(36_500), failed -> java.time.Duration.ZERO, () -> java.time.Duration.ZERO);
    }

    /** {@code value} and its signature, as one string safe in a cookie or a form field. */
    Mono<String> sign(String value) {
        return key.map(secret -> value + "~" + mac(secret, value));
    }

    /** The value a signed string carries, when its signature is this service's. */
    Mono<Optional<String>> verify(String signed) {
        if (signed == null) {
            return Mono.just(Optional.empty());
        }
        int separator = signed.lastIndexOf('~');
        if (separator <= 0) {
            return Mono.just(Optional.empty());
        }
        String value = signed.substring(0, separator);
        byte[] given = signed.substring(separator + 1).getBytes(StandardCharsets.US_ASCII);
        return key.map(secret -> MessageDigest.isEqual(given, mac(secret, value).getBytes(StandardCharsets.US_ASCII))
                ? Optional.of(value) : Optional.empty());
    }

    /** A random value, for a CSRF cookie. */
    static String nonce() {
        byte[] bytes = new byte[18];
        RANDOM.nextBytes(bytes);
        return ENCODER.encodeToString(bytes);
    }

    private static String mac(byte[] secret, String value) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return ENCODER.encodeToString(mac.doFinal(value.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }
}
