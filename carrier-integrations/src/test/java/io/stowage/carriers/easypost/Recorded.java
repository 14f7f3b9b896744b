package io.stowage.carriers.easypost;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Request and response bodies recorded in the shapes EasyPost's API reference documents. */
final class Recorded {

    private Recorded() {
    }

    static byte[] bytes(String name) {
        try (InputStream in = Recorded.class.getResourceAsStream("/io/stowage/carriers/easypost/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no recorded file " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The recording with its {{BASE}} placeholder pointed at the given server. */
    static byte[] bytes(String name, String baseUrl) {
        return new String(bytes(name), StandardCharsets.UTF_8).replace("{{BASE}}", baseUrl).getBytes(StandardCharsets.UTF_8);
    }
}
