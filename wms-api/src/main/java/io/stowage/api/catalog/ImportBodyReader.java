package io.stowage.api.catalog;

import io.stowage.api.problem.ApiProblem;
import io.stowage.api.problem.ProblemType;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the body of a catalog import. Imports are far larger than any other request, so they get
 * their own limit here instead of raising the in-memory limit of every endpoint.
 */
@Component
class ImportBodyReader {

    /** Room for {@link CatalogService#MAX_IMPORT_VARIANTS} variants with long names and many attributes. */
    static final int MAX_BYTES = 64 * 1024 * 1024;

    private final JsonMapper json;

    ImportBodyReader(JsonMapper json) {
        this.json = json;
    }

    Mono<ImportInput> json(ServerHttpRequest request) {
        return bytes(request).map(body -> {
            try {
                ImportInput input = json.readValue(body, ImportInput.class);
                return input == null ? new ImportInput(null) : input;
            } catch (JacksonException e) {
                throw new ApiProblem(ProblemType.MALFORMED_REQUEST, "The body is not a JSON catalog import: " + e.getOriginalMessage(), List.of());
            }
        });
    }

    Mono<String> text(ServerHttpRequest request) {
        MediaType type = request.getHeaders().getContentType();
        Charset charset = type == null || type.getCharset() == null ? StandardCharsets.UTF_8 : type.getCharset();
        return bytes(request).map(body -> new String(body, charset));
    }

    private Mono<byte[]> bytes(ServerHttpRequest request) {
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
                .onErrorMap(DataBufferLimitException.class, e -> new ApiProblem(ProblemType.IMPORT_TOO_LARGE, "An import may be at most " + MAX_BYTES / (1024 * 1024)
                        + " MiB; split it into several requests", List.of()));
    }
}
