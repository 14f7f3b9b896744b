package io.stowage.api.trackpage;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * Who sends a request to the public pages, for their rate limits: the connection's address, or, when
 * the connection comes from a trusted proxy (the load balancer, {@code stowage.trackpage.trusted-proxies}),
 * the last address in {@code X-Forwarded-For}: the one that proxy added. A client cannot choose its own
 * bucket by sending the header, since the header counts only from a trusted proxy; and the header's
 * text is used as a key only, never parsed or looked up.
 */
@Component
class ClientAddresses {

    /** A network as CIDR: its address's bytes and how many leading bits must match. */
    private record Network(byte[] address, int bits) {

        static Network parse(String cidr) {
            String[] parts = cidr.trim().split("/");
            try {
                byte[] address = InetAddress.getByName(parts[0]).getAddress();
                return new Network(address, parts.length > 1 ? Integer.parseInt(parts[1]) : address.length * 8);
            } catch (UnknownHostException | NumberFormatException e) {
                throw new IllegalArgumentException("stowage.trackpage.trusted-proxies: not an address or network: " + cidr, e);
            }
        }

        boolean contains(byte[] candidate) {
            if (candidate.length != address.length) {
                return false;
            }
            for (int bit = 0; bit < bits; bit++) {
                int mask = 0x80 >> (bit % 8);
                if ((candidate[bit / 8] & mask) != (address[bit / 8] & mask)) {
                    return false;
                }
            }
            return true;
        }
    }

    private final List<Network> trusted;

    ClientAddresses(TrackPageSettings settings) {
        this.trusted = settings.trustedProxies().stream().map(Network::parse).toList();
    }

    String of(ServerWebExchange exchange) {
        InetSocketAddress remote = exchange.getRequest().getRemoteAddress();
        if (remote == null || remote.getAddress() == null) {
            return "unknown";
        }
        String address = remote.getAddress().getHostAddress();
        byte[] bytes = remote.getAddress().getAddress();
        if (trusted.stream().noneMatch(network -> network.contains(bytes))) {
            return address;
        }
        List<String> forwarded = exchange.getRequest().getHeaders().getValuesAsList("X-Forwarded-For");
        for (int i = forwarded.size() - 1; i >= 0; i--) {
            String hop = forwarded.get(i).trim();
            if (!hop.isEmpty()) {
                return hop.length() > 64 ? hop.substring(0, 64) : hop;
            }
        }
        return address;
    }
}
