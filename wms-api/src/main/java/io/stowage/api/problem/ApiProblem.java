package io.stowage.api.problem;

import java.net.URI;
import java.util.List;
import org.springframework.http.HttpStatus;

/**
 * The one error type of the API. Every refusal the service gives is one of these, rendered as
 * RFC 9457 {@code application/problem+json} with a machine-readable {@code type}, one of the
 * {@link ProblemType} constants.
 */
public class ApiProblem extends RuntimeException {

    private final ProblemType type;
    private final List<FieldProblem> fieldProblems;

    public ApiProblem(ProblemType type, String detail, List<FieldProblem> fieldProblems) {
        super(detail);
        this.type = type;
        this.fieldProblems = List.copyOf(fieldProblems);
    }

    /** A problem of this type, explained by {@code detail}. */
    public static ApiProblem of(ProblemType type, String detail) {
        return new ApiProblem(type, detail, List.of());
    }

    public static ApiProblem notFound(String what, Object key) {
        return of(ProblemType.NOT_FOUND, what + " " + key + " does not exist");
    }

    public static ApiProblem invalid(String detail, List<FieldProblem> fieldProblems) {
        return new ApiProblem(ProblemType.INVALID_REQUEST, detail, fieldProblems);
    }

    public static ApiProblem invalid(String field, String message) {
        return invalid(field + ": " + message, List.of(new FieldProblem(field, message)));
    }

    public static ApiProblem forbidden(String detail) {
        return of(ProblemType.FORBIDDEN, detail);
    }

    public static ApiProblem unauthorized(String detail) {
        return of(ProblemType.UNAUTHORIZED, detail);
    }

    public ProblemType problemType() {
        return type;
    }

    public HttpStatus status() {
        return type.status();
    }

    public URI type() {
        return type.uri();
    }

    public String title() {
        return type.title();
    }

    public List<FieldProblem> fieldProblems() {
        return fieldProblems;
    }

    /** One field that is wrong, named by its JSON path (for example {@code variants[3].gtins[0]}). */
    public record FieldProblem(String field, String message) {
    }
}
