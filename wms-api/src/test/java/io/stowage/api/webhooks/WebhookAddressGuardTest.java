package io.stowage.api.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.resolver.AddressResolver;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Webhooks reach the public internet only: literal private addresses, local names, and names that resolve inward are refused. */
class WebhookAddressGuardTest {

    @Test
    void privateLoopbackLinkLocalAndReservedAddressesAreNotPublic() throws UnknownHostException {
        for (String inward : List.of("127.0.0.1", "10.1.2.3", "172.16.0.9", "192.168.1.1", "169.254.169.254", "100.64.0.1", "0.0.0.0",
                "::1", "fd00::1", "fe80::1", "::ffff:10.0.0.1", "224.0.0.1", "198.18.0.1", "192.0.0.8", "255.255.255.255")) {
            assertThat(PublicAddresses.isPublic(InetAddress.getByName(inward))).as(inward).isFalse();
        }
        for (String outward : List.of("93.184.216.34", "1.1.1.1", "2606:4700:4700::1111", "172.32.0.1", "100.128.0.1")) {
            assertThat(PublicAddresses.isPublic(InetAddress.getByName(outward))).as(outward).isTrue();
        }
    }

    @Test
    void registrationRefusesLocalHostsAndAcceptsInternetNames() {
        for (String url : List.of("http://localhost:5432/", "http://127.0.0.1/hook", "https://[::1]/x", "http://169.254.169.254/latest/meta-data",
                "http://10.0.0.5/", "http://db.internal/", "http://printer.local/")) {
            assertThatThrownBy(() -> WebhookEndpoints.validUrl(url, false)).as(url).hasMessageContaining("public internet");
        }
        assertThat(WebhookEndpoints.validUrl("https://store.example.com/hooks", false)).isEqualTo("https://store.example.com/hooks");
        assertThat(WebhookEndpoints.validUrl("https://93.184.216.34/hooks", false)).isEqualTo("https://93.184.216.34/hooks");
        assertThat(WebhookEndpoints.validUrl("http://127.0.0.1:8080/hook", true)).isEqualTo("http://127.0.0.1:8080/hook");
    }

    @Test
    void theDeliveryResolverRefusesNamesAndAddressesThatPointInward() throws Exception {
        NioEventLoopGroup loop = new NioEventLoopGroup(1);
        try (PublicAddressResolverGroup group = new PublicAddressResolverGroup()) {
            AddressResolver<InetSocketAddress> resolver = group.getResolver(loop.next());
            // localhost comes from the hosts file, as a rebinding attacker's name would come from DNS
            assertThat(resolver.resolve(InetSocketAddress.createUnresolved("localhost", 80)).await().cause())
                    .isInstanceOf(UnknownHostException.class).hasMessageContaining("not a public internet address");
            assertThat(resolver.resolve(new InetSocketAddress(InetAddress.getByName("10.0.0.7"), 80)).await().cause())
                    .isInstanceOf(UnknownHostException.class);
            assertThat(resolver.resolveAll(new InetSocketAddress(InetAddress.getByName("192.168.0.2"), 443)).await().cause())
                    .isInstanceOf(UnknownHostException.class);
            var outward = resolver.resolve(new InetSocketAddress(InetAddress.getByName("93.184.216.34"), 443)).await();
            assertThat(outward.isSuccess()).isTrue();
        } finally {
            loop.shutdownGracefully(0, 1, TimeUnit.SECONDS).await();
        }
    }
}
