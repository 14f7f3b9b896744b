package io.stowage.api.access;

import io.stowage.api.Published;
import java.util.Collection;
import java.util.Map;
import java.util.UUID;
import reactor.core.publisher.Mono;

/**
 * The nodes a worker is given by code and shown by code. {@code network} owns the nodes and answers
 * through this interface: it already uses access (to see who calls), so access asking network's
 * classes directly would make the two features depend on each other.
 */
@Published
public interface NodeDirectory {

    /** The id of the node with this code; empty when there is none. */
    Mono<UUID> nodeId(String code);

    /** The codes of the nodes with these ids; unknown ids are missing from the map. */
    Mono<Map<UUID, String>> nodeCodes(Collection<UUID> ids);
}
