package io.stowage.api.egress;

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

/** Merchants' systems are reached on the public internet only: literal private addresses, local names, and names that resolve inward are refused. */
class EgressGuardTest {

    @Test
    void privateLoopbackLinkLocalAndReservedAddressesAreNotPublic() throws UnknownHostException {
        for (String inward : List.of("127.0.0.1", "10.1.2.3", "172.16.0.9", "192.168.1.1", "169.254.169.254", "100.64.0.1", "0.0.0.0",
                "::1", "fd00::1", "fe80::1", "::ffff:10.0.0.1", "224.0.0.1", "198.18.0.1", "192.0.0.8", "255.255.255.255")) {
            assertThat(PublicAddresses.isPublic(InetAddress.getByName(inward))).as(inward).isFalse();
        }
        for (String inward : List.of("::127.0.0.1", "64:ff9b::7f00:1", "64:ff9b::a00:1", "2002:7f00:1::", "2002:a9fe:a9fe::1", "2001:db8::1",
                "2001:0:4136:e378:8000:63bf:3fff:fdd2", "fec0::1", "100::1", "::ffff:7f00:1")) {
            assertThat(PublicAddresses.isPublic(InetAddress.getByName(inward))).as(inward).isFalse();
        }
        for (String outward : List.of("93.184.216.34", "1.1.1.1", "2606:4700:4700::1111", "172.32.0.1", "100.128.0.1", "64:ff9b::5db8:d822",
                "2002:5db8:d822::1")) {
            assertThat(PublicAddresses.isPublic(InetAddress.getByName(outward))).as(outward).isTrue();
        }
    }

    @Test
    void localNamesAndPrivateLiteralsAreRefusedUnlessPrivateNetworksAreAllowed() {
        EgressGuard guard = new EgressGuard(false);
        for (String host : List.of("localhost", "127.0.0.1", "[::1]", "169.254.169.254", "10.0.0.5", "db.internal", "printer.local")) {
            assertThat(guard.refusal(host)).as(host).isPresent();
        }
        assertThat(guard.refusal("store.example.com")).isEmpty();
        assertThat(guard.refusal("93.184.216.34")).isEmpty();
        assertThat(new EgressGuard(true).refusal("127.0.0.1")).isEmpty();
    }

    @Test
    void aNameIsLookedUpAndRefusedWhenItPointsInward() throws UnknownHostException {
        assertThatThrownBy(() -> new EgressGuard(false).requirePublic("localhost"))
                .isInstanceOf(UnknownHostException.class).hasMessageContaining("not a public internet address");
        new EgressGuard(true).requirePublic("localhost");
        new EgressGuard(false).requirePublic("93.184.216.34");
        for (String numeric : List.of("2130706433", "0x7f000001", "0177.0.0.1", "127.1")) {
            assertThatThrownBy(() -> new EgressGuard(false).requirePublic(numeric)).as(numeric).isInstanceOf(UnknownHostException.class);
        }
    }

    @Test
    void theDeliveryResolverRefusesNamesAndAddressesThatPointInward() throws Exception {
        NioEventLoopGroup loop = new NioEventLoopGroup(1);
        try (PublicAddressResolverGroup group = new PublicAddressResolverGroup()) {
            AddressResolver<InetSocketAddress> resolver = group.getResolver(loop.next());
            // localhost comes from the hosts file, as a rebinding attacker's name would come from DNS
            assertThat(resolver.resolve(InetSocketAddress.createUnresolved("localhost", 80)).await().cause())
                    .isInstanceOf(UnknownHostException.class).hasMessageContaining("not a public internet address");
            // Numeric host forms never reach DNS: they are read as the address they stand for, and checked.
            for (String numeric : List.of("2130706433", "0x7f000001", "0177.0.0.1", "127.1", "0x7f.1", "127.0.0.1.", "0xa9fea9fe", "0")) {
                assertThat(resolver.resolve(InetSocketAddress.createUnresolved(numeric, 80)).await().cause()).as(numeric)
                        .isInstanceOf(UnknownHostException.class).hasMessageContaining("not a public internet address");
                assertThat(resolver.resolveAll(InetSocketAddress.createUnresolved(numeric, 80)).await().cause()).as(numeric)
                        .isInstanceOf(UnknownHostException.class).hasMessageContaining("not a public internet address");
            }
            assertThat(resolver.resolve(new InetSocketAddress(InetAddress.getByName("::ffff:127.0.0.1"), 80)).await().cause())
                    .isInstanceOf(UnknownHostException.class);
            assertThat(resolver.resolve(new InetSocketAddress(InetAddress.getByName("::127.0.0.1"), 80)).await().cause())
                    .isInstanceOf(UnknownHostException.class);
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
