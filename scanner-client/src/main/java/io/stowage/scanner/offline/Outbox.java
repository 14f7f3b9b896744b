package io.stowage.scanner.offline;

import io.stowage.scanner.service.Problem;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The device's confirmations on disk: one file per confirmation in {@code pending/}, written and
 * forced to the disk before the screen may say "done", so a dead battery or a restart loses none.
 * A refused one moves to {@code refused/} until the worker resolves it, and then to
 * {@code resolved/}, which keeps it for a supervisor to read: nothing the worker confirmed is ever
 * silently dropped. Files are replaced by atomic renames, so a crash leaves either the old or the
 * new file, never half of one.
 */
public final class Outbox {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Path pending;
    private final Path refused;
    private final Path resolved;
    private long lastSequence;

    public Outbox(Path directory) {
        try {
            this.pending = Files.createDirectories(directory.resolve("pending"));
            this.refused = Files.createDirectories(directory.resolve("refused"));
            this.resolved = Files.createDirectories(directory.resolve("resolved"));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot use " + directory + " for the offline queue", e);
        }
        this.lastSequence = Stream.of(pending, refused, resolved).flatMap(Outbox::sequences).mapToLong(Long::longValue).max().orElse(0);
    }

    /** Puts a POST at the end of the queue, durably, and returns it with its place in the order. */
    public Confirmation add(String idempotencyKey, String path, JsonNode body, String summary, String badge, String token) {
        return add(idempotencyKey, Confirmation.POST, path, body, summary, badge, token);
    }

    /** Puts a confirmation at the end of the queue, durably, and returns it with its place in the order. */
    public synchronized Confirmation add(String idempotencyKey, String method, String path, JsonNode body, String summary, String badge,
                                         String token) {
        Confirmation confirmation = new Confirmation(++lastSequence, idempotencyKey, method, path, body, summary, badge, token, Instant.now());
        write(pending, confirmation.sequence(), toJson(confirmation));
        return confirmation;
    }

    /** The confirmations not yet answered by the service, oldest first. */
    public synchronized List<Confirmation> pending() {
        return read(pending).map(Outbox::confirmation).toList();
    }

    public synchronized int waiting() {
        return (int) sequences(pending).count();
    }

    /** The refusals the worker has not resolved yet, oldest first. */
    public synchronized List<Refusal> refusals() {
        return read(refused).map(node -> new Refusal(confirmation(node.path("confirmation")),
                new Problem(node.path("problem").path("type").asString(), node.path("problem").path("status").asInt(),
                        node.path("problem").path("detail").asString()),
                Instant.parse(node.path("refused_at").asString()))).toList();
    }

    public synchronized int refused() {
        return (int) sequences(refused).count();
    }

    /** The service took it: it leaves the queue. */
    public synchronized void delivered(Confirmation confirmation) {
        delete(pending, confirmation.sequence());
    }

    /** The service said no while the worker waited at the screen, which shows why: it leaves the queue. */
    public synchronized void withdrawn(Confirmation confirmation) {
        delete(pending, confirmation.sequence());
    }

    /** The service said no after the fact: kept for the worker to resolve. */
    public synchronized void refusedLater(Confirmation confirmation, Problem problem) {
        ObjectNode node = JSON.createObjectNode();
        node.set("confirmation", toJson(confirmation));
        ObjectNode p = node.putObject("problem");
        p.put("type", problem.type());
        p.put("status", problem.status());
        p.put("detail", problem.detail());
        node.put("refused_at", Instant.now().toString());
        write(refused, confirmation.sequence(), node);
        delete(pending, confirmation.sequence());
    }

    /** The worker has seen to a refusal; it is kept under {@code resolved/} with when that was. */
    public synchronized void resolve(Refusal refusal) {
        long sequence = refusal.confirmation().sequence();
        Path file = refused.resolve(name(sequence));
        try {
            ObjectNode node = (ObjectNode) JSON.readTree(Files.readString(file));
            node.put("resolved_at", Instant.now().toString());
            write(resolved, sequence, node);
            delete(refused, sequence);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A worker logged in again: their waiting confirmations go with the new session's token. */
    public synchronized void renewToken(String badge, String token) {
        for (Confirmation confirmation : pending()) {
            if (confirmation.badge().equals(badge) && !confirmation.token().equals(token)) {
                write(pending, confirmation.sequence(), toJson(confirmation.withToken(token)));
            }
        }
    }

    private static ObjectNode toJson(Confirmation c) {
        ObjectNode node = JSON.createObjectNode();
        node.put("sequence", c.sequence());
        node.put("idempotency_key", c.idempotencyKey());
        node.put("method", c.method());
        node.put("path", c.path());
        node.set("body", c.body());
        node.put("summary", c.summary());
        node.put("badge", c.badge());
        node.put("token", c.token());
        node.put("queued_at", c.queuedAt().toString());
        return node;
    }

    private static Confirmation confirmation(JsonNode node) {
        // Queues written before confirmations had a method hold only POSTs.
        return new Confirmation(node.path("sequence").asLong(), node.path("idempotency_key").asString(),
                node.path("method").asString(Confirmation.POST), node.path("path").asString(),
                node.path("body"), node.path("summary").asString(), node.path("badge").asString(), node.path("token").asString(),
                Instant.parse(node.path("queued_at").asString()));
    }

    private static String name(long sequence) {
        return String.format("%012d.json", sequence);
    }

    private static Stream<Long> sequences(Path directory) {
        try (Stream<Path> files = Files.list(directory)) {
            return files.map(file -> file.getFileName().toString())
                    .filter(name -> name.matches("\\d{12}\\.json"))
                    .map(name -> Long.parseLong(name.substring(0, 12)))
                    .sorted()
                    .toList().stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Stream<JsonNode> read(Path directory) {
        List<JsonNode> nodes = new ArrayList<>();
        for (long sequence : sequences(directory).sorted(Comparator.naturalOrder()).toList()) {
            Path file = directory.resolve(name(sequence));
            try {
                nodes.add(JSON.readTree(Files.readString(file)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (JacksonException e) {
                throw new IllegalStateException("The offline queue file " + file + " is damaged: " + e.getOriginalMessage(), e);
            }
        }
        return nodes.stream();
    }

    /** Writes a temporary file, forces it to disk, renames it into place and forces the directory. */
    private static void write(Path directory, long sequence, JsonNode node) {
        Path target = directory.resolve(name(sequence));
        Path temporary = directory.resolve(name(sequence) + ".tmp");
        try {
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                channel.write(ByteBuffer.wrap(JSON.writeValueAsString(node).getBytes(StandardCharsets.UTF_8)));
                channel.force(true);
            }
            try {
                Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
            }
            forceDirectory(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + target, e);
        }
    }

    private static void delete(Path directory, long sequence) {
        try {
            Files.deleteIfExists(directory.resolve(name(sequence)));
            forceDirectory(directory);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void forceDirectory(Path directory) {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            // Some file systems cannot open a directory for syncing; the rename is still atomic there.
        }
    }

    /** For the status line: the oldest waiting confirmation, if any. */
    public synchronized Optional<Confirmation> oldest() {
        return pending().stream().findFirst();
    }
}
