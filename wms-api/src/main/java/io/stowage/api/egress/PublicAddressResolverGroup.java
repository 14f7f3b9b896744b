package io.stowage.api.egress;

import io.netty.channel.socket.nio.NioDatagramChannel;
import io.netty.resolver.AbstractAddressResolver;
import io.netty.resolver.AddressResolver;
import io.netty.resolver.AddressResolverGroup;
import io.netty.resolver.dns.DnsAddressResolverGroup;
import io.netty.resolver.dns.DnsNameResolverBuilder;
import io.netty.util.concurrent.EventExecutor;
import io.netty.util.concurrent.Future;
import io.netty.util.concurrent.Promise;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.List;

/**
 * The resolver of HTTP clients that call merchants' systems (webhooks): Netty's non-blocking DNS resolver, refusing every answer that is
 * not a public address. The check is on the address the connection is then made to, so a name
 * that resolved to a public address when the endpoint was registered and to an internal one now
 * (DNS rebinding) is refused too.
 */
public final class PublicAddressResolverGroup extends AddressResolverGroup<InetSocketAddress> {

    private final DnsAddressResolverGroup dns = new DnsAddressResolverGroup(new DnsNameResolverBuilder().datagramChannelType(NioDatagramChannel.class));

    @Override
    protected AddressResolver<InetSocketAddress> newResolver(EventExecutor executor) {
        AddressResolver<InetSocketAddress> delegate = dns.getResolver(executor);
        return new AbstractAddressResolver<>(executor, InetSocketAddress.class) {
            @Override
            protected boolean doIsResolved(InetSocketAddress address) {
                // Never taken as resolved: a literal address is checked like a looked-up one.
                return false;
            }

            @Override
            protected void doResolve(InetSocketAddress address, Promise<InetSocketAddress> promise) {
                if (!address.isUnresolved()) {
                    complete(address, promise);
                    return;
                }
                InetSocketAddress numeric = numeric(address);
                if (numeric != null) {
                    complete(numeric, promise);
                    return;
                }
                delegate.resolve(address).addListener((Future<InetSocketAddress> resolved) -> {
                    if (resolved.isSuccess()) {
                        complete(resolved.getNow(), promise);
                    } else {
                        promise.setFailure(resolved.cause());
                    }
                });
            }

            @Override
            protected void doResolveAll(InetSocketAddress address, Promise<List<InetSocketAddress>> promise) {
                InetSocketAddress literal = address.isUnresolved() ? numeric(address) : address;
                if (literal != null) {
                    if (PublicAddresses.isPublic(literal.getAddress())) {
                        promise.setSuccess(List.of(literal));
                    } else {
                        promise.setFailure(refused(literal));
                    }
                    return;
                }
                delegate.resolveAll(address).addListener((Future<List<InetSocketAddress>> resolved) -> {
                    if (!resolved.isSuccess()) {
                        promise.setFailure(resolved.cause());
                        return;
                    }
                    List<InetSocketAddress> open = resolved.getNow().stream().filter(a -> PublicAddresses.isPublic(a.getAddress())).toList();
                    if (open.isEmpty()) {
                        promise.setFailure(refused(resolved.getNow().get(0)));
                    } else {
                        promise.setSuccess(open);
                    }
                });
            }

            @Override
            public void close() {
                delegate.close();
            }
        };
    }

    /**
     * A host written as a number in any form (2130706433, 0x7f000001, 0177.0.0.1, 127.1) names an address
     * without DNS: it is taken as that address and checked, never sent to a resolver that may read it its own way.
     */
    private static InetSocketAddress numeric(InetSocketAddress unresolved) {
        return PublicAddresses.numericIpv4(unresolved.getHostString())
                .map(address -> new InetSocketAddress(address, unresolved.getPort()))
                .orElse(null);
    }

    private static void complete(InetSocketAddress address, Promise<InetSocketAddress> promise) {
        if (PublicAddresses.isPublic(address.getAddress())) {
            promise.setSuccess(address);
        } else {
            promise.setFailure(refused(address));
        }
    }

    private static UnknownHostException refused(InetSocketAddress address) {
        return new UnknownHostException(address.getHostString() + " resolves to " + address.getAddress().getHostAddress()
                + ", which is not a public internet address; merchants' systems are only reached on the internet");
    }

    @Override
    public void close() {
        super.close();
        dns.close();
    }
}
