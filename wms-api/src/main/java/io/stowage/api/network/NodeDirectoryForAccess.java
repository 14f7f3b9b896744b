package io.stowage.api.network;

import io.stowage.api.access.NodeDirectory;
import java.util.Collection;
import java.util.Map;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** Node codes and ids for access (workers), which cannot ask {@link Network} without a dependency cycle. */
@Component
class NodeDirectoryForAccess implements NodeDirectory {

    private final DatabaseClient db;
    private final Network network;

    NodeDirectoryForAccess(DatabaseClient db, Network network) {
        this.db = db;
        this.network = network;
    }

    @Override
    public Mono<UUID> nodeId(String code) {
        return db.sql("SELECT id FROM nodes WHERE code = :code").bind("code", code)
                .map(row -> row.get("id", UUID.class)).one();
    }

    @Override
    public Mono<Map<UUID, String>> nodeCodes(Collection<UUID> ids) {
        return ids.isEmpty() ? Mono.just(Map.of()) : network.nodes(ids).collectMap(Node::id, Node::code);
    }
}
