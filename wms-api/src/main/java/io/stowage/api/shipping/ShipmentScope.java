package io.stowage.api.shipping;

import io.stowage.api.access.Caller;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Which shipments a caller sees: a merchant its own, a worker those of its node, the administrator
 * all. Another's shipment is not found, never forbidden.
 */
record ShipmentScope(UUID merchantId, UUID nodeId) {

    static ShipmentScope of(Caller caller) {
        if (caller instanceof Caller.Merchant merchant) {
            return new ShipmentScope(merchant.merchantId(), null);
        }
        if (caller instanceof Caller.Worker worker) {
            return new ShipmentScope(null, worker.nodeId());
        }
        return new ShipmentScope(null, null);
    }

    /** SQL conditions on the shipments alias {@code s}, starting with AND. */
    String sql() {
        return (merchantId == null ? "" : " AND s.merchant_id = :scopeMerchant") + (nodeId == null ? "" : " AND s.node_id = :scopeNode");
    }

    Map<String, Object> bindings() {
        Map<String, Object> values = new HashMap<>();
        if (merchantId != null) {
            values.put("scopeMerchant", merchantId);
        }
        if (nodeId != null) {
            values.put("scopeNode", nodeId);
        }
        return values;
    }
}
