package io.stowage.api.shipping;

import io.stowage.api.problem.ApiProblem;
import io.stowage.api.problem.ProblemType;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.UUID;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.stereotype.Component;

/**
 * Encrypts carrier API keys at rest with AES-256-GCM under the key from {@code stowage.shipping.credentials-key}.
 * The account id is the associated data, so a ciphertext copied onto another account does not decrypt.
 * Stored form: 12-byte nonce, then ciphertext and tag.
 */
@Component
class CredentialCipher {

    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKey key;
    private final SecureRandom random = new SecureRandom();

    CredentialCipher(ShippingSettings settings) {
        this.key = parse(settings.credentialsKey());
    }

    private static SecretKey parse(String configured) {
        if (configured == null || configured.isBlank()) {
            return null;
        }
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(configured.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("stowage.shipping.credentials-key must be base64 of 32 bytes");
        }
        if (bytes.length != 32) {
            throw new IllegalStateException("stowage.shipping.credentials-key must be base64 of 32 bytes, it holds " + bytes.length);
        }
        return new SecretKeySpec(bytes, "AES");
    }

    byte[] encrypt(UUID accountId, String secret) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, required(), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(accountId.toString().getBytes(StandardCharsets.US_ASCII));
            byte[] sealed = cipher.doFinal(secret.getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.allocate(NONCE_BYTES + sealed.length).put(nonce).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot encrypt a carrier credential", e);
        }
    }

    String decrypt(UUID accountId, byte[] stored) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, required(), new GCMParameterSpec(TAG_BITS, stored, 0, NONCE_BYTES));
            cipher.updateAAD(accountId.toString().getBytes(StandardCharsets.US_ASCII));
            return new String(cipher.doFinal(stored, NONCE_BYTES, stored.length - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            // Said without the cause: its message is of no use and nothing of the key may reach a log.
            throw new IllegalStateException("the API key of carrier account " + accountId
                    + " does not decrypt with stowage.shipping.credentials-key (was the key changed?)");
        }
    }

    boolean configured() {
        return key != null;
    }

    private SecretKey required() {
        if (key == null) {
            throw ApiProblem.of(ProblemType.CREDENTIALS_KEY_MISSING,
                    "This installation keeps no carrier API keys: set stowage.shipping.credentials-key (STOWAGE_CARRIER_CREDENTIALS_KEY)");
        }
        return key;
    }
}
