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

    /** Every way of writing a loopback or private host that resolvers and browsers accept is refused when the endpoint is saved. */
    @Test
    void everyHostFormOfAnInwardAddressIsRefused() {
        EgressGuard internetOnly = new EgressGuard(false);
        for (String url : List.of(
                "http://0x7f000001/", "http://0X7F000001/", "http://2130706433/", "http://017700000001/", "http://0177.0.0.1/",
                "http://0x7f.0.0.1/", "http://0x7f.1/", "http://127.1/", "http://127.0.1/", "http://0/", "http://0.0.0.0/",
                "http://127.0.0.1./", "http://localhost./", "http://LOCALHOST/", "http://10.1/", "http://0xa9fea9fe/", "http://3232235777/",
                "http://[::1]/", "http://[0:0:0:0:0:0:0:1]/", "http://[::ffff:127.0.0.1]/", "http://[::ffff:7f00:1]/", "http://[::127.0.0.1]/",
                "http://[::]/", "http://[64:ff9b::7f00:1]/", "http://[2002:7f00:1::1]/", "http://[fe80::1]/", "http://[fc00::1]/",
                "http://[::ffff:169.254.169.254]/", "http://[fe80::1%25eth0]/",
                "http://%31%32%37.0.0.1/", "http://%6c%6f%63%61%6c%68%6f%73%74/", "http://store.example.com@127.0.0.1/",
                "http://127.0.0.1:80@store.example.com/", "http://127.0.0.1#@store.example.com/", "http://1.2.3.4.5/",
                "http://example.123/", "http://0x/", "http://256.1.1.1/")) {
            assertThatThrownBy(() -> WebhookEndpoints.validUrl(url, internetOnly)).as(url).isInstanceOf(io.stowage.api.problem.ApiProblem.class);
        }
        // A public address is taken only in its plain form, so that what was checked is what is connected to.
        assertThatThrownBy(() -> WebhookEndpoints.validUrl("http://1569532450/", internetOnly)).hasMessageContaining("must be written as 93.141.42.34");
        assertThat(WebhookEndpoints.validUrl("https://[2606:4700:4700::1111]/hooks", internetOnly)).isEqualTo("https://[2606:4700:4700::1111]/hooks");
        assertThat(WebhookEndpoints.validUrl("https://store.example.com./hooks", internetOnly)).isEqualTo("https://store.example.com./hooks");
        assertThat(WebhookEndpoints.validUrl("https://1password.example.com/hooks", internetOnly)).isEqualTo("https://1password.example.com/hooks");
    }
}
