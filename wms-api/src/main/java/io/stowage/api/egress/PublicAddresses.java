package io.stowage.api.egress;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;

/**
 * Which addresses a merchant's destinations (webhook endpoints, SMTP servers) may be: the public
 * internet only. They are the merchant's input, and without this rule they could make the service
 * talk to its own database port, a cloud metadata service (169.254.169.254) or anything else inside
 * the 3PL's network.
 */
public final class PublicAddresses {

    private PublicAddresses() {
    }

    public static boolean isPublic(InetAddress address) {
        if (address.isAnyLocalAddress() || address.isLoopbackAddress() || address.isLinkLocalAddress()
                || address.isSiteLocalAddress() || address.isMulticastAddress()) {
            return false;
        }
        byte[] bytes = address.getAddress();
        if (address instanceof Inet4Address) {
            int first = bytes[0] & 0xff;
            int second = bytes[1] & 0xff;
            // 0/8 "this network", 100.64/10 carrier-grade NAT, 192.0.0/24 protocol assignments, 198.18/15 benchmarking, 240/4 reserved
            return first != 0 && !(first == 100 && second >= 64 && second < 128) && !(first == 192 && second == 0 && (bytes[2] & 0xff) == 0)
                    && !(first == 198 && (second == 18 || second == 19)) && first < 240;
        }
        if (address instanceof Inet6Address) {
            int first = bytes[0] & 0xff;
            // fc00::/7 unique local, fec0::/10 old site-local
            if ((first & 0xfe) == 0xfc || (first == 0xfe && (bytes[1] & 0xc0) == 0xc0)) {
                return false;
            }
            // 2001:db8::/32 documentation, 2001::/32 Teredo (tunnels to an address hidden in the bits), 100::/64 discard
            if (startsWith(bytes, 0x20, 0x01, 0x0d, 0xb8) || startsWith(bytes, 0x20, 0x01, 0x00, 0x00) || startsWith(bytes, 0x01, 0x00, 0, 0, 0, 0, 0, 0)) {
                return false;
            }
            // Forms that carry an IPv4 address are judged as that address: IPv4-mapped ::ffff:a.b.c.d, IPv4-compatible
            // ::a.b.c.d, NAT64 64:ff9b::a.b.c.d (and the local-use 64:ff9b:1::/48), 6to4 2002:aabb:ccdd::
            if (isIpv4Mapped(bytes) || isZeros(bytes, 0, 12) || startsWith(bytes, 0x00, 0x64, 0xff, 0x9b, 0, 0, 0, 0, 0, 0, 0, 0)) {
                return isPublicIpv4(bytes[12], bytes[13], bytes[14], bytes[15]);
            }
            if (startsWith(bytes, 0x00, 0x64, 0xff, 0x9b, 0x00, 0x01)) {
                return false;
            }
            if (startsWith(bytes, 0x20, 0x02)) {
                return isPublicIpv4(bytes[2], bytes[3], bytes[4], bytes[5]);
            }
        }
        return true;
    }

    /**
     * Why a URL's host is refused without looking it up: a local name, a literal private address, or an
     * address written in any form but the plain one. Resolvers read {@code 2130706433}, {@code 0x7f000001},
     * {@code 0177.0.0.1} and {@code 127.1} as 127.0.0.1; a host that looks numeric in any such way must be
     * a dotted quad (or a bracketed IPv6 address), so what is checked is what is connected to.
     * Names that resolve to private addresses are caught when the delivery connects.
     */
    public static Optional<String> refusal(String host) {
        String name = host.toLowerCase(Locale.ROOT);
        if (name.endsWith(".")) {
            name = name.substring(0, name.length() - 1);
        }
        if (name.isEmpty() || name.endsWith(".")) {
            return Optional.of(host + " is not a host name");
        }
        if (name.equals("localhost") || name.endsWith(".localhost") || name.endsWith(".local") || name.endsWith(".internal")
                || name.equals("local") || name.equals("internal")) {
            return Optional.of(host + " is a local name");
        }
        if (name.startsWith("[") || name.contains(":")) {
            String literal = name.startsWith("[") && name.endsWith("]") ? name.substring(1, name.length() - 1) : name;
            if (!literal.matches("[0-9a-f:.]+")) {
                return Optional.of(host + " is not an IPv6 address (zone ids and other forms are not taken)");
            }
            try {
                InetAddress address = InetAddress.getByName(literal);
                return isPublic(address) ? Optional.empty() : Optional.of(host + " is not a public internet address");
            } catch (UnknownHostException e) {
                return Optional.of(host + " is not an address");
            }
        }
        if (!looksNumeric(name)) {
            return Optional.empty();
        }
        Optional<InetAddress> address = numericIpv4(name);
        if (address.isEmpty()) {
            return Optional.of(host + " is not an address");
        }
        if (!isPublic(address.get())) {
            return Optional.of(host + " (" + address.get().getHostAddress() + ") is not a public internet address");
        }
        if (!address.get().getHostAddress().equals(name)) {
            return Optional.of(host + " must be written as " + address.get().getHostAddress());
        }
        return Optional.empty();
    }

    /**
     * The IPv4 address a host written in any numeric form stands for, as inet_aton and browsers read it:
     * one to four parts, each decimal, octal (leading 0) or hexadecimal (0x), the last filling the
     * remaining bytes. Empty when the host is a name, or numeric but no address.
     */
    public static Optional<InetAddress> numericIpv4(String host) {
        String name = host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
        String[] parts = name.split("\\.", -1);
        if (parts.length == 0 || parts.length > 4) {
            return Optional.empty();
        }
        long[] values = new long[parts.length];
        for (int i = 0; i < parts.length; i++) {
            Long value = numericPart(parts[i]);
            if (value == null) {
                return Optional.empty();
            }
            values[i] = value;
        }
        long address = 0;
        for (int i = 0; i < parts.length - 1; i++) {
            if (values[i] > 255) {
                return Optional.empty();
            }
            address |= values[i] << (8 * (3 - i));
        }
        long last = values[parts.length - 1];
        if (last >= 1L << (8 * (5 - parts.length))) {
            return Optional.empty();
        }
        address |= last;
        try {
            return Optional.of(InetAddress.getByAddress(new byte[] {(byte) (address >>> 24), (byte) (address >>> 16), (byte) (address >>> 8), (byte) address}));
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }

    /** A host whose last label is a number (decimal, or 0x hexadecimal) is an address to every resolver that matters, or nothing. */
    private static boolean looksNumeric(String name) {
        String last = name.substring(name.lastIndexOf('.') + 1);
        return last.matches("[0-9]+") || last.matches("0x[0-9a-f]*");
    }

    private static Long numericPart(String part) {
        String text = part.toLowerCase(Locale.ROOT);
        try {
            if (text.startsWith("0x")) {
                return text.length() == 2 ? 0L : (text.length() > 10 ? null : Long.parseLong(text.substring(2), 16));
            }
            if (text.length() > 1 && text.startsWith("0")) {
                return text.length() > 12 || !text.matches("[0-7]+") ? null : Long.parseLong(text, 8);
            }
            return text.isEmpty() || text.length() > 10 || !text.matches("[0-9]+") ? null : Long.parseLong(text);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static boolean isPublicIpv4(byte a, byte b, byte c, byte d) {
        try {
            return isPublic(InetAddress.getByAddress(new byte[] {a, b, c, d}));
        } catch (UnknownHostException e) {
            return false;
        }
    }

    private static boolean startsWith(byte[] bytes, int... prefix) {
        for (int i = 0; i < prefix.length; i++) {
            if ((bytes[i] & 0xff) != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static boolean isZeros(byte[] bytes, int from, int to) {
        for (int i = from; i < to; i++) {
            if (bytes[i] != 0) {
                return false;
            }
        }
        return true;
    }

    private static boolean isIpv4Mapped(byte[] bytes) {
        for (int i = 0; i < 10; i++) {
            if (bytes[i] != 0) {
                return false;
            }
        }
        return (bytes[10] & 0xff) == 0xff && (bytes[11] & 0xff) == 0xff;
    }
}
