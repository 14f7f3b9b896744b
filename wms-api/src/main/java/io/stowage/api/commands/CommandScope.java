package io.stowage.api.commands;

import io.stowage.api.access.Caller;
import java.util.UUID;

/**
 * Whose Idempotency-Keys a command's key is among: a merchant's, a warehouse worker's, a node's (the
 * set-up of one node, whoever does it) or the administrator's. {@link Commands} adds the route
 * (method and path template), so a key is never shared between two routes or two tenants.
 */
public record CommandScope(String tenant) {

    public CommandScope {
        if (tenant == null || tenant.isBlank()) {
            throw new IllegalArgumentException("a command scope names its tenant");
        }
    }

    public static CommandScope merchant(UUID merchantId) {
        return new CommandScope("merchant:" + merchantId);
    }

    public static CommandScope worker(Caller.Worker worker) {
        return new CommandScope("worker:" + worker.workerId());
    }

    /** A node's own set-up (zones, locations, racking): keys are per node, whoever sends them. */
    public static CommandScope node(String nodeCode) {
        return new CommandScope("node:" + nodeCode);
    }

    public static CommandScope admin() {
        return new CommandScope("admin");
    }

    /** The caller itself: the merchant (not its API key), the worker, or the administrator. */
    public static CommandScope of(Caller caller) {
        if (caller instanceof Caller.Merchant merchant) {
            return merchant(merchant.merchantId());
        }
        if (caller instanceof Caller.Worker worker) {
            return worker(worker);
        }
        return admin();
    }
}
