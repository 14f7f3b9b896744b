package io.stowage.api.egress;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import reactor.netty.http.client.HttpClient;

/**
 * The one rule for connections to hosts a merchant names (webhook endpoints, SMTP servers): the
 * public internet only, unless {@code stowage.egress.allow-private-networks} lifts it, for tests and
 * for a 3PL whose merchants' systems sit on its own network.
 */
@Component
public class EgressGuard {

    private final boolean allowPrivateNetworks;

    public EgressGuard(@Value("${stowage.egress.allow-private-networks:false}") boolean allowPrivateNetworks) {
        this.allowPrivateNetworks = allowPrivateNetworks;
    }

    /** Why a merchant may not name this host, judged without a lookup (local names, literal private addresses). */
    public Optional<String> refusal(String host) {
        return allowPrivateNetworks ? Optional.empty() : PublicAddresses.refusal(host);
    }

    /** The client, resolving names only to public addresses; checked at connect time, so DNS rebinding is caught too. */
    public HttpClient guard(HttpClient client) {
        return allowPrivateNetworks ? client : client.resolver(new PublicAddressResolverGroup());
    }

    /**
     * Looks the host up and refuses it if any address is not public. Blocking: for clients that resolve
     * by themselves (JavaMail), just before they connect.
     */
    public void requirePublic(String host) throws UnknownHostException {
        if (allowPrivateNetworks) {
            return;
        }
        InetAddress[] addresses = PublicAddresses.numericIpv4(host).map(a -> new InetAddress[] {a}).orElseGet(() -> null);
        for (InetAddress address : addresses != null ? addresses : InetAddress.getAllByName(host)) {
            if (!PublicAddresses.isPublic(address)) {
                throw new UnknownHostException(host + " resolves to " + address.getHostAddress()
                        + ", which is not a public internet address; merchants' systems are only reached on the internet");
            }
        }
    }
}
