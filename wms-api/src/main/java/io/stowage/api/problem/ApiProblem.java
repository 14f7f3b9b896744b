package io.stowage.api.problem;

import java.net.URI;
import java.util.List;
import org.springframework.http.HttpStatus;

/**
 * The one error type of the API. Every refusal the service gives is one of these, rendered as
 * RFC 9457 {@code application/problem+json} with a machine-readable {@code type}.
 */
public class ApiProblem extends RuntimeException {

    private static final String TYPE_BASE = "https://stowage.io/problems/";

    private final HttpStatus status;
    private final String slug;
    private final String title;
    private final List<FieldProblem> fieldProblems;

    public ApiProblem(HttpStatus status, String slug, String title, String detail, List<FieldProblem> fieldProblems) {
        super(detail);
        this.status = status;
        this.slug = slug;
        this.title = title;
        this.fieldProblems = List.copyOf(fieldProblems);
    }

    public static ApiProblem notFound(String what, Object key) {
        return new ApiProblem(HttpStatus.NOT_FOUND, "not-found", "Not found", what + " " + key + " does not exist", List.of());
    }

    public static ApiProblem invalid(String detail, List<FieldProblem> fieldProblems) {
        return new ApiProblem(HttpStatus.UNPROCESSABLE_CONTENT, "invalid-request", "The request is not valid", detail, fieldProblems);
    }

    public static ApiProblem invalid(String field, String message) {
        return invalid(field + ": " + message, List.of(new FieldProblem(field, message)));
    }

    public static ApiProblem conflict(String slug, String title, String detail) {
        return new ApiProblem(HttpStatus.CONFLICT, slug, title, detail, List.of());
    }

    public static ApiProblem unprocessable(String slug, String title, String detail) {
        return new ApiProblem(HttpStatus.UNPROCESSABLE_CONTENT, slug, title, detail, List.of());
    }

    public static ApiProblem forbidden(String detail) {
        return new ApiProblem(HttpStatus.FORBIDDEN, "forbidden", "Forbidden", detail, List.of());
    }

    public static ApiProblem unauthorized(String detail) {
        return new ApiProblem(HttpStatus.UNAUTHORIZED, "unauthorized", "Unauthorized", detail, List.of());
    }

    public HttpStatus status() {
        return status;
    }

    public URI type() {
        return URI.create(TYPE_BASE + slug);
    }

    public String title() {
        return title;
    }

    public List<FieldProblem> fieldProblems() {
        return fieldProblems;
    }

    /** One field that is wrong, named by its JSON path (for example {@code variants[3].gtins[0]}). */
    public record FieldProblem(String field, String message) {
    }
}
