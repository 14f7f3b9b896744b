package io.stowage.api.shipping;

import java.util.UUID;
import org.springframework.stereotype.Component;

/** Names this instance in the purchases it claims, so a claim can be told from another instance's. */
@Component
class ShippingInstance {

    private final String id = UUID.randomUUID().toString();

    String id() {
        return id;
    }
}
