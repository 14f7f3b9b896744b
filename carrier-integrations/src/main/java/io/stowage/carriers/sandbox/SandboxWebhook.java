package io.stowage.carriers.sandbox;

import java.util.List;
import java.util.Map;

/** A signed webhook the sandbox would POST: the raw body and its headers, signature included. */
public record SandboxWebhook(byte[] body, Map<String, List<String>> headers) {

    public SandboxWebhook {
        body = body.clone();
        headers = Map.copyOf(headers);
    }

    @Override
    public byte[] body() {
        return body.clone();
    }
}
