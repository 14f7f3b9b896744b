package io.stowage.picking.cli;

import io.stowage.picking.PickingException;
import io.stowage.picking.batching.CartCapacity;
import io.stowage.picking.batching.OrderToBatch;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * An instance file as {@code picking-optimizer/README.md} documents it: a layout, pick lists to route and
 * orders to batch on carts of the given capacity.
 *
 * @param timeLimitSeconds time for each batching method that searches; 10 when absent
 */
record PickingInstance(LayoutSpec layout, List<PickListSpec> pickLists, List<OrderToBatch> orders, CartCapacity cart,
                       Double timeLimitSeconds) {

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    PickingInstance {
        if (layout == null) {
            throw new PickingException("an instance needs a \"layout\"");
        }
        pickLists = pickLists == null ? List.of() : List.copyOf(pickLists);
        orders = orders == null ? List.of() : List.copyOf(orders);
        if (!orders.isEmpty() && cart == null) {
            throw new PickingException("orders need a \"cart\" capacity to be batched");
        }
    }

    static PickingInstance read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new PickingException("no instance file at " + file.toAbsolutePath());
        }
        try {
            return MAPPER.readValue(file.toFile(), PickingInstance.class);
        } catch (JacksonException unreadable) {
            Throwable cause = unreadable.getCause();
            if (cause instanceof PickingException invalid) {
                throw invalid;
            }
            throw new PickingException("cannot read " + file + ": " + unreadable.getOriginalMessage(), unreadable);
        }
    }

    Duration timeLimit() {
        return timeLimitSeconds == null ? Duration.ofSeconds(10) : Duration.ofMillis(Math.round(timeLimitSeconds * 1000));
    }
}
