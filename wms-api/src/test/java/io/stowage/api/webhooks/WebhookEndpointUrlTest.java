package io.stowage.api.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stowage.api.egress.EgressGuard;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Endpoint URLs: absolute http(s) with a host, and on the public internet unless private networks are allowed. */
class WebhookEndpointUrlTest {

    @Test
    void registrationRefusesLocalHostsAndAcceptsInternetNames() {
        EgressGuard internetOnly = new EgressGuard(false);
        for (String url : List.of("http://localhost:5432/", "http://127.0.0.1/hook", "https://[::1]/x", "http://169.254.169.254/latest/meta-data",
                "http://10.0.0.5/", "http://db.internal/", "http://printer.local/")) {
            assertThatThrownBy(() -> WebhookEndpoints.validUrl(url, internetOnly)).as(url).hasMessageContaining("public internet");
        }
        assertThat(WebhookEndpoints.validUrl("https://store.example.com/hooks", internetOnly)).isEqualTo("https://store.example.com/hooks");
        assertThat(WebhookEndpoints.validUrl("https://93.184.216.34/hooks", internetOnly)).isEqualTo("https://93.184.216.34/hooks");
        assertThat(WebhookEndpoints.validUrl("http://127.0.0.1:8080/hook", new EgressGuard(true))).isEqualTo("http://127.0.0.1:8080/hook");
        assertThatThrownBy(() -> WebhookEndpoints.validUrl("ftp://store.example.com/", internetOnly)).hasMessageContaining("http or https");
    }
}
