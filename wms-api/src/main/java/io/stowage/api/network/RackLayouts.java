package io.stowage.api.network;

import io.stowage.api.Published;
import io.stowage.api.access.Caller;
import io.stowage.api.problem.ApiProblem;
import io.stowage.api.problem.ProblemType;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * Creates the locations of a {@link RackLayout}. Posting the same layout again creates nothing and
 * is not an error, and a layout may extend an earlier one; but a code that exists with another
 * zone, type, position or coordinates is a conflict, and then nothing is created.
 */
@Service
@Published
public class RackLayouts {

    static final int MAX_LOCATIONS = 10_000;

    private final Nodes nodes;
    private final Locations locations;

    public RackLayouts(Nodes nodes, Locations locations) {
        this.nodes = nodes;
        this.locations = locations;
    }

    /** What a layout did: {@code created} new locations and {@code existing} identical ones left as they were. */
    public record LayoutResult(int created, int existing, int total, String firstCode, String lastCode) {
    }

    /** Creates the missing locations of the layout; run it inside a transaction. */
    public Mono<LayoutResult> create(Caller caller, String nodeCode, RackLayout layout) {
        if (layout.size() > MAX_LOCATIONS) {
            return Mono.error(ApiProblem.invalid("The layout describes " + layout.size() + " locations; at most "
                    + MAX_LOCATIONS + " per request", List.of()));
        }
        List<NewLocation> planned = layout.locations();
        return nodes.forManager(caller, nodeCode)
                .flatMap(node -> locations.zoneExists(node.id(), layout.zoneCode())
                        .flatMap(zoneExists -> zoneExists ? Mono.just(node)
                                : Mono.error(ApiProblem.invalid("zone_code", "the node " + nodeCode + " has no zone " + layout.zoneCode()))))
                .flatMap(node -> locations.views(node.id(), planned.stream().map(NewLocation::code).toList())
                        .flatMap(existing -> {
                            Map<String, Location> byCode = existing.stream().collect(Collectors.toMap(Location::code, Function.identity()));
                            List<String> conflicts = planned.stream()
                                    .filter(location -> byCode.containsKey(location.code()) && !same(location, byCode.get(location.code())))
                                    .map(NewLocation::code).toList();
                            if (!conflicts.isEmpty()) {
                                return Mono.error(ApiProblem.of(ProblemType.LOCATION_CONFLICT, "The node " + nodeCode + " already has " + Locations.named(conflicts)
                                                + " with another zone, type, position or coordinates; nothing was created"));
                            }
                            List<NewLocation> missing = planned.stream().filter(location -> !byCode.containsKey(location.code())).toList();
                            return locations.insert(node.id(), missing)
                                    .map(created -> new LayoutResult(created.intValue(), planned.size() - created.intValue(), planned.size(),
                                            planned.get(0).code(), planned.get(planned.size() - 1).code()));
                        }));
    }

    private static boolean same(NewLocation planned, Location existing) {
        return Objects.equals(planned.zoneCode(), existing.zoneCode())
                && planned.type().equals(existing.type())
                && Objects.equals(planned.aisle(), existing.aisle())
                && Objects.equals(planned.bay(), existing.bay())
                && Objects.equals(planned.level(), existing.level())
                && planned.xMm() == existing.xMm()
                && planned.yMm() == existing.yMm();
    }
}
