package io.stowage.scanner.offline;

import io.stowage.scanner.service.Problem;
import tools.jackson.databind.JsonNode;

/** What became of one confirmation when the device tried to send the queue. */
public sealed interface Delivery {

    /** The service took it and answered. */
    record Done(JsonNode answer) implements Delivery {
    }

    /** The service refused it at once, while the worker was still at the step: the screen shows why. */
    record Refused(Problem problem) implements Delivery {
    }

    /** Saved on the device and waiting to be sent, behind {@code ahead} older ones. */
    record Queued(int waiting, String why) implements Delivery {
    }
}
