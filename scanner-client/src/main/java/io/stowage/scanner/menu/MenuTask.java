package io.stowage.scanner.menu;

import io.stowage.scanner.flow.Floor;
import io.stowage.scanner.flow.Flow;

import java.util.List;
import java.util.function.Function;

/**
 * A task the menu offers: its label, the roles the service lets do it (the menu hides what the
 * service would refuse), and how to start its flow. A new kind of work (packing, loading,
 * returns) is one flow class and one entry in {@link TaskCatalog}.
 */
public record MenuTask(String label, List<String> roles, Function<Floor, Flow> start) {
}
