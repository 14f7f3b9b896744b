package io.stowage.api.access;

import io.stowage.api.Published;
import io.stowage.api.problem.ApiProblem;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

/** Who is calling: the 3PL administrator, a merchant's store through an API key, or a warehouse worker. */
@Published
public sealed interface Caller {

    /** How the ledger and audit trails name this caller. */
    String actor();

    /** This caller as a merchant, or a 403 problem for anyone else. */
    default Merchant asMerchant() {
        if (this instanceof Merchant merchant) {
            return merchant;
        }
        throw ApiProblem.forbidden("This endpoint is for merchants' API keys");
    }

    /** This caller as a worker holding one of the roles (any role when none is named), or a 403 problem. */
    default Worker asWorker(WorkerRole... anyOf) {
        if (this instanceof Worker worker && (anyOf.length == 0 || Arrays.stream(anyOf).anyMatch(worker::has))) {
            return worker;
        }
        throw ApiProblem.forbidden(anyOf.length == 0
                ? "This endpoint is for warehouse workers"
                : "This endpoint needs one of the roles " + Arrays.toString(anyOf).toLowerCase(Locale.ROOT));
    }

    /** Passes for the administrator and for supervisors; the network and its staff are theirs to set up. */
    default void requireAdminOrSupervisor() {
        if (!(this instanceof Admin) && !(this instanceof Worker worker && worker.has(WorkerRole.SUPERVISOR))) {
            throw ApiProblem.forbidden("This endpoint needs the admin key or a supervisor");
        }
    }

    record Admin() implements Caller {
        @Override
        public String actor() {
            return "admin";
        }
    }

    record Merchant(UUID merchantId, UUID apiKeyId) implements Caller {
        @Override
        public String actor() {
            return "merchant:" + merchantId + "/key:" + apiKeyId;
        }
    }

    record Worker(UUID workerId, String badgeCode, String name, UUID nodeId, Set<WorkerRole> roles, String deviceId)
            implements Caller {
        @Override
        public String actor() {
            return "worker:" + badgeCode;
        }

        public boolean has(WorkerRole role) {
            return roles.contains(role);
        }
    }
}
