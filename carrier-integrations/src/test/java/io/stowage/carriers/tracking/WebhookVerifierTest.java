package io.stowage.carriers.tracking;

import io.stowage.carriers.Await;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WebhookVerifierTest {

    private static final byte[] BODY = "{\"id\":\"evt_1\"}".getBytes(StandardCharsets.UTF_8);
    private final WebhookSignatureScheme hex = new WebhookSignatureScheme("X-Hmac-Signature", "hmac-sha256-hex=",
            WebhookSignatureScheme.DigestEncoding.HEX);

    @Test
    void signsAsRfc4231DoesForHmacSha256() {
        // RFC 4231 test case 2: key "Jefe", data "what do ya want for nothing?".
        WebhookVerifier verifier = new WebhookVerifier("test", new WebhookSignatureScheme("X-Sig", "", WebhookSignatureScheme.DigestEncoding.HEX),
                "Jefe".getBytes(StandardCharsets.UTF_8));

        assertThat(verifier.sign("what do ya want for nothing?".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
    }

    @Test
    void acceptsTheRightSignatureWhateverTheHeaderCase() {
        WebhookVerifier verifier = new WebhookVerifier("easypost", hex, "secret".getBytes(StandardCharsets.UTF_8));
        String signature = verifier.sign(BODY);

        VerifiedWebhook verified = verifier.verify(BODY, Map.of("x-hmac-signature", List.of(signature.toUpperCase().replace("HMAC-SHA256-HEX=", "hmac-sha256-hex="))));

        assertThat(verified.body()).isEqualTo(BODY);
        assertThat(verified.carrierCode()).isEqualTo("easypost");
    }

    @Test
    void rejectsMissingMalformedAndWrongSignatures() {
        WebhookVerifier verifier = new WebhookVerifier("easypost", hex, "secret".getBytes(StandardCharsets.UTF_8));
        String good = verifier.sign(BODY);

        assertThatThrownBy(() -> verifier.verify(BODY, Map.of())).isInstanceOf(WebhookVerificationException.class)
                .hasMessageContaining("no X-Hmac-Signature header");
        assertThatThrownBy(() -> verifier.verify(BODY, Map.of("X-Hmac-Signature", List.of("sha1=abc"))))
                .isInstanceOf(WebhookVerificationException.class).hasMessageContaining("does not start with");
        assertThatThrownBy(() -> verifier.verify(BODY, Map.of("X-Hmac-Signature", List.of("hmac-sha256-hex=zz"))))
                .isInstanceOf(WebhookVerificationException.class).hasMessageContaining("not valid hex");
        assertThatThrownBy(() -> verifier.verify(BODY, Map.of("X-Hmac-Signature", List.of(good.substring(0, good.length() - 2)))))
                .isInstanceOf(WebhookVerificationException.class).hasMessageContaining("does not match");
        byte[] changed = "{\"id\":\"evt_2\"}".getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> verifier.verify(changed, Map.of("X-Hmac-Signature", List.of(good))))
                .isInstanceOf(WebhookVerificationException.class).hasMessageContaining("does not match");
    }

    @Test
    void verifiesBase64Signatures() {
        WebhookSignatureScheme base64 = new WebhookSignatureScheme("X-Signature", "", WebhookSignatureScheme.DigestEncoding.BASE64);
        WebhookVerifier verifier = new WebhookVerifier("post", base64, "k".getBytes(StandardCharsets.UTF_8));

        assertThat(verifier.verify(BODY, Map.of("X-Signature", List.of(verifier.sign(BODY)))).body()).isEqualTo(BODY);
    }

    @Test
    void deduplicationIsPerCarrier() {
        InMemoryProcessedWebhookStore store = new InMemoryProcessedWebhookStore(2);

        assertThat(Await.result(store.recordIfNew("easypost", "evt_1"))).isTrue();
        assertThat(Await.result(store.recordIfNew("easypost", "evt_1"))).isFalse();
        assertThat(Await.result(store.recordIfNew("sandbox", "evt_1"))).isTrue();
    }

    @Test
    void unmappedCarrierCodesStayUnknownWithTheCodeKept() {
        StatusMappingTable table = StatusMappingTable.forCarrier("post")
                .map("D1", TrackingStatus.DELIVERED, "delivered").build();

        assertThat(table.resolve("D1")).isEqualTo(new StatusMapping(TrackingStatus.DELIVERED, "delivered"));
        assertThat(table.resolve("ZZ9").status()).isEqualTo(TrackingStatus.UNKNOWN);
        assertThat(table.resolve("ZZ9").detail()).contains("ZZ9");
        assertThatThrownBy(() -> StatusMappingTable.forCarrier("post").map("A", TrackingStatus.DELIVERED, "")
                .map("A", TrackingStatus.FAILURE, "")).isInstanceOf(IllegalArgumentException.class);
    }
}
