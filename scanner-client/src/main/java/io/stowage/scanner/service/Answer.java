package io.stowage.scanner.service;

import tools.jackson.databind.JsonNode;

/**
 * What came back from one request. Only {@link Ok} and {@link Refused} are answers of the service;
 * the other two mean the device does not know what the service thinks, and a confirmation sent
 * with an Idempotency-Key may safely be sent again.
 */
public sealed interface Answer {

    /** A 2xx with a readable body ({@code null} for 204). */
    record Ok(int status, JsonNode body) implements Answer {
    }

    /** A 4xx with a problem+json body: the service looked at the request and said no. */
    record Refused(Problem problem) implements Answer {
        public boolean unauthorized() {
            return problem.status() == 401;
        }
    }

    /** No answer: connection refused or dropped, or no answer in time. */
    record Unreachable(String reason) implements Answer {
    }

    /** An answer that is not one the service gives: a 5xx, or a body that is not JSON. */
    record Garbled(String reason) implements Answer {
    }

    /** Whether the service answered at all, for the online/offline indicator. */
    default boolean reachedService() {
        return this instanceof Ok || this instanceof Refused;
    }

    /** One line for the worker when this is not {@link Ok}. */
    default String explain() {
        if (this instanceof Refused refused) {
            return refused.problem().detail();
        }
        if (this instanceof Unreachable unreachable) {
            return "Service not answering (" + unreachable.reason() + ")";
        }
        if (this instanceof Garbled garbled) {
            return "Service answered wrongly (" + garbled.reason() + ")";
        }
        return "";
    }
}
