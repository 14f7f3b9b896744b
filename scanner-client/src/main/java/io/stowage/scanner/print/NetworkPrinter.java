package io.stowage.scanner.print;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * A label printer on the network that takes ZPL as raw bytes on a TCP port (9100, the "raw" or
 * JetDirect port of Zebra and compatible printers): connect, write the label, close. The printer
 * answers nothing on this port, so a label is sent when the bytes are written and the connection
 * closed cleanly.
 *
 * @param host    the printer's name or address
 * @param port    its raw port, usually 9100
 * @param timeout how long to wait for the connection and for each write
 */
public record NetworkPrinter(String host, int port, Duration timeout) {

    public static final int RAW_PORT = 9100;

    public NetworkPrinter {
        Objects.requireNonNull(host, "host");
        if (host.isBlank() || port < 1 || port > 65_535) {
            throw new IllegalArgumentException("A printer needs a host and a port from 1 to 65535");
        }
    }

    /**
     * Reads {@code host}, {@code host:port} or {@code [v6-address]:port}; the port defaults to 9100.
     *
     * @throws IllegalArgumentException with a message for the user when it is neither
     */
    public static NetworkPrinter parse(String text, Duration timeout) {
        String value = text == null ? "" : text.strip();
        String host = value;
        Optional<String> port = Optional.empty();
        if (value.startsWith("[") && value.contains("]")) {
            host = value.substring(1, value.indexOf(']'));
            String rest = value.substring(value.indexOf(']') + 1);
            if (!rest.isEmpty()) {
                port = Optional.of(rest.startsWith(":") ? rest.substring(1) : "");
            }
        } else if (value.indexOf(':') >= 0 && value.indexOf(':') == value.lastIndexOf(':')) {
            host = value.substring(0, value.indexOf(':'));
            port = Optional.of(value.substring(value.indexOf(':') + 1));
        }
        boolean portBad = port.filter(p -> !p.matches("\\d{1,5}") || Integer.parseInt(p) < 1 || Integer.parseInt(p) > 65_535).isPresent();
        if (host.isBlank() || portBad) {
            throw new IllegalArgumentException(text + " is not host:port, such as 10.0.4.21:9100");
        }
        return new NetworkPrinter(host, port.map(Integer::parseInt).orElse(RAW_PORT), timeout);
    }

    /** Sends one label; returns when the printer has taken every byte. */
    public void send(byte[] zpl) throws IOException {
        try (Socket socket = new Socket()) {
            int millis = (int) Math.min(Integer.MAX_VALUE, timeout.toMillis());
            socket.connect(new InetSocketAddress(host, port), millis);
            socket.setSoTimeout(millis);
            OutputStream out = socket.getOutputStream();
            out.write(zpl);
            out.flush();
            // A half-close tells the printer the job is complete before the socket goes away.
            socket.shutdownOutput();
        }
    }

    @Override
    public String toString() {
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }
}
