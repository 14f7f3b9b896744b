package io.stowage.api.returns;

import io.stowage.api.access.Caller;
import io.stowage.api.problem.ApiProblem;
import io.stowage.api.problem.ProblemType;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.UUID;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Photos the returns station takes of what came back, stored with the return. A photo is accepted
 * only when its first bytes say JPEG or PNG and it decodes as one, whatever the client says its type
 * is; its size and its pixel dimensions are bounded, so that a small file cannot unpack into a huge image.
 */
@Service
class ReturnPhotos {

    static final int MAX_BYTES = 5 * 1024 * 1024;
    static final int MAX_SIDE = 8000;
    private static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF};
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};

    record Checked(String contentType, int width, int height, byte[] bytes) {
    }

    record Image(String contentType, byte[] bytes) {
    }

    private final DatabaseClient db;
    private final ReturnReads reads;

    ReturnPhotos(DatabaseClient db, ReturnReads reads) {
        this.db = db;
        this.reads = reads;
    }

    /** The body, at most {@link #MAX_BYTES}; a 413 problem beyond. */
    static Mono<byte[]> body(ServerHttpRequest request) {
        return DataBufferUtils.join(request.getBody(), MAX_BYTES)
                .map(buffer -> {
                    try {
                        byte[] body = new byte[buffer.readableByteCount()];
                        buffer.read(body);
                        return body;
                    } finally {
                        DataBufferUtils.release(buffer);
                    }
                })
                .defaultIfEmpty(new byte[0])
                .onErrorMap(DataBufferLimitException.class, e -> new ApiProblem(ProblemType.REQUEST_TOO_LARGE,
                        "A photo may be at most " + MAX_BYTES / (1024 * 1024) + " MiB", List.of()));
    }

    /** Checks the bytes are a JPEG or PNG that decodes, off the event loop (decoding is CPU work). */
    static Mono<Checked> check(byte[] bytes) {
        String type = startsWith(bytes, JPEG) ? "image/jpeg" : startsWith(bytes, PNG) ? "image/png" : null;
        if (type == null) {
            return Mono.error(ApiProblem.of(ProblemType.NOT_AN_IMAGE, "The photo is neither a JPEG nor a PNG image"));
        }
        return Mono.fromCallable(() -> decode(type, bytes)).subscribeOn(Schedulers.boundedElastic());
    }

    private static Checked decode(String type, byte[] bytes) {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            Iterator<ImageReader> readers = ImageIO.getImageReadersByMIMEType(type);
            if (in == null || !readers.hasNext()) {
                throw notAnImage();
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                int width = reader.getWidth(0);
                int height = reader.getHeight(0);
                if (width > MAX_SIDE || height > MAX_SIDE) {
                    throw ApiProblem.of(ProblemType.NOT_AN_IMAGE, "A photo may be at most " + MAX_SIDE + " pixels on a side");
                }
                BufferedImage image = reader.read(0);
                if (image == null) {
                    throw notAnImage();
                }
                return new Checked(type, width, height, bytes);
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof ApiProblem problem) {
                throw problem;
            }
            throw notAnImage();
        }
    }

    private static ApiProblem notAnImage() {
        return ApiProblem.of(ProblemType.NOT_AN_IMAGE, "The photo does not decode as the JPEG or PNG image its first bytes announce");
    }

    private static boolean startsWith(byte[] bytes, byte[] magic) {
        return bytes.length >= magic.length && Arrays.equals(bytes, 0, magic.length, magic, 0, magic.length);
    }

    /** Stores a checked photo with a return of the worker's node; returns the return as it now reads. */
    Mono<ReturnView.ReturnPhoto> add(Caller.Worker worker, UUID returnId, Checked photo) {
        return reads.atNode(worker.nodeId(), returnId)
                .flatMap(header -> db.sql("""
                                INSERT INTO return_photos (return_id, merchant_id, content_type, width, height, bytes, taken_by)
                                VALUES (:return, :merchant, :type, :width, :height, :bytes, :by)
                                RETURNING id, taken_at
                                """)
                        .bind("return", header.id()).bind("merchant", header.merchantId()).bind("type", photo.contentType())
                        .bind("width", photo.width()).bind("height", photo.height()).bind("bytes", java.nio.ByteBuffer.wrap(photo.bytes()))
                        .bind("by", worker.actor())
                        .map(row -> new ReturnView.ReturnPhoto(row.get("id", UUID.class), photo.contentType(), photo.width(), photo.height(),
                                ReturnView.photoUrl(header.id(), row.get("id", UUID.class)), row.get("taken_at", java.time.OffsetDateTime.class)))
                        .one());
    }

    /** A photo of the merchant's return; not found for anyone else's. */
    Mono<Image> image(UUID merchantId, UUID returnId, UUID photoId) {
        return db.sql("SELECT content_type, bytes FROM return_photos WHERE id = :id AND return_id = :return AND merchant_id = :merchant")
                .bind("id", photoId).bind("return", returnId).bind("merchant", merchantId)
                .map(row -> {
                    java.nio.ByteBuffer buffer = row.get("bytes", java.nio.ByteBuffer.class);
                    byte[] bytes = new byte[buffer.remaining()];
                    buffer.get(bytes);
                    return new Image(row.get("content_type", String.class), bytes);
                })
                .one()
                .switchIfEmpty(Mono.error(() -> ApiProblem.notFound("Photo", photoId)));
    }
}
