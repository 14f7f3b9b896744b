package io.stowage.api.problem;

import java.util.List;
import io.r2dbc.spi.R2dbcException;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.bind.support.WebExchangeBindException;
import org.springframework.web.server.MethodNotAllowedException;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebInputException;

/** Turns every failure into {@code application/problem+json}; nothing else leaves the service. */
@RestControllerAdvice
public class ProblemHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);
    private static final Pattern UNIQUE_DETAIL = Pattern.compile("Key \\((.+)\\)=\\((.*)\\) already exists");

    @ExceptionHandler(ApiProblem.class)
    public ResponseEntity<ProblemDetail> apiProblem(ApiProblem problem) {
        return render(problem);
    }

    @ExceptionHandler(WebExchangeBindException.class)
    public ResponseEntity<ProblemDetail> invalidBody(WebExchangeBindException e) {
        List<ApiProblem.FieldProblem> fields = e.getFieldErrors().stream()
                .map(error -> new ApiProblem.FieldProblem(JsonNames.snakeCase(error.getField()), error.getDefaultMessage()))
                .toList();
        String detail = fields.stream().map(f -> f.field() + " " + f.message()).reduce((a, b) -> a + "; " + b)
                .orElse("The request body is not valid");
        return render(ApiProblem.invalid(detail, fields));
    }

    @ExceptionHandler(ServerWebInputException.class)
    public ResponseEntity<ProblemDetail> unreadable(ServerWebInputException e) {
        Optional<ApiProblem> binding = BindingProblems.of(e);
        if (binding.isPresent()) {
            return render(binding.get());
        }
        if (causedBy(e, DataBufferLimitException.class)) {
            return render(tooLarge());
        }
        String reason = e.getReason() == null ? "The request could not be read" : e.getReason();
        Throwable cause = e.getMostSpecificCause();
        String detail = cause != e && cause.getMessage() != null ? reason + ": " + firstLine(cause.getMessage()) : reason;
        return render(new ApiProblem(ProblemType.MALFORMED_REQUEST, detail, List.of()));
    }

    @ExceptionHandler(MethodNotAllowedException.class)
    public ResponseEntity<ProblemDetail> methodNotAllowed(MethodNotAllowedException e) {
        return withHeaders(render(new ApiProblem(ProblemType.METHOD_NOT_ALLOWED,
                e.getReason() == null ? "Method not allowed" : e.getReason(), List.of())), e.getHeaders());
    }

    @ExceptionHandler(ResponseStatusException.class)
    public ResponseEntity<ProblemDetail> status(ResponseStatusException e) {
        HttpStatus status = HttpStatus.valueOf(e.getStatusCode().value());
        return withHeaders(render(new ApiProblem(ProblemType.forStatus(status),
                e.getReason() == null ? status.getReasonPhrase() : e.getReason(), List.of())), e.getHeaders());
    }

    @ExceptionHandler(DataIntegrityViolationException.class)
    public ResponseEntity<ProblemDetail> integrity(DataIntegrityViolationException e) {
        Optional<ApiProblem> text = unstorableText(e);
        if (text.isPresent()) {
            return render(text.get());
        }
        String message = e.getMostSpecificCause().getMessage();
        Matcher unique = UNIQUE_DETAIL.matcher(message == null ? "" : message);
        if (unique.find()) {
            return render(ApiProblem.of(ProblemType.ALREADY_EXISTS, "A resource with " + unique.group(1) + " = " + unique.group(2) + " already exists"));
        }
        log.warn("Integrity violation", e);
        return render(ApiProblem.of(ProblemType.INTEGRITY_VIOLATION, firstLine(message)));
    }

    @ExceptionHandler(Exception.class)
    public ResponseEntity<ProblemDetail> unexpected(Exception e) {
        Optional<ApiProblem> text = unstorableText(e);
        if (text.isPresent()) {
            return render(text.get());
        }
        if (causedBy(e, DataBufferLimitException.class)) {
            return render(tooLarge());
        }
        log.error("Unexpected failure", e);
        return render(new ApiProblem(ProblemType.INTERNAL_ERROR, "The service failed unexpectedly; nothing was changed", List.of()));
    }

    /**
     * The same answers for failures outside any controller (routing, filters, codecs), given by
     * {@link ProblemExceptionHandler}.
     */
    public ResponseEntity<ProblemDetail> handle(Throwable e) {
        if (e instanceof ApiProblem problem) {
            return apiProblem(problem);
        }
        if (e instanceof WebExchangeBindException bind) {
            return invalidBody(bind);
        }
        if (e instanceof ServerWebInputException input) {
            return unreadable(input);
        }
        if (e instanceof MethodNotAllowedException method) {
            return methodNotAllowed(method);
        }
        if (e instanceof ResponseStatusException status) {
            return status(status);
        }
        if (e instanceof DataIntegrityViolationException integrity) {
            return integrity(integrity);
        }
        return unexpected(e instanceof Exception exception ? exception : new IllegalStateException(e));
    }

    /**
     * Text PostgreSQL cannot store (22021 invalid byte sequence, 22P05 untranslatable character) that got
     * past the input checks: still the client's input, so a 422, never a 500.
     */
    static Optional<ApiProblem> unstorableText(Throwable e) {
        for (Throwable cause = e; cause != null && cause.getCause() != cause; cause = cause.getCause()) {
            if (cause instanceof R2dbcException database && ("22021".equals(database.getSqlState()) || "22P05".equals(database.getSqlState()))) {
                return Optional.of(ApiProblem.invalid("The request holds text that cannot be stored (NUL or invalid Unicode); nothing was changed",
                        List.of()));
            }
        }
        return Optional.empty();
    }

    private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
        for (Throwable cause = e; cause != null && cause.getCause() != cause; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return true;
            }
        }
        return false;
    }

    private static ApiProblem tooLarge() {
        return new ApiProblem(ProblemType.REQUEST_TOO_LARGE,
                "The body is larger than this endpoint reads", List.of());
    }

    private static ResponseEntity<ProblemDetail> withHeaders(ResponseEntity<ProblemDetail> entity, HttpHeaders extra) {
        HttpHeaders headers = new HttpHeaders();
        headers.putAll(entity.getHeaders());
        extra.forEach((name, values) -> {
            if (!headers.containsHeader(name)) {
                headers.addAll(name, values);
            }
        });
        return new ResponseEntity<>(entity.getBody(), headers, entity.getStatusCode());
    }

    static ResponseEntity<ProblemDetail> render(ApiProblem problem) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(problem.status(), problem.getMessage());
        body.setType(problem.type());
        body.setTitle(problem.title());
        if (!problem.fieldProblems().isEmpty()) {
            body.setProperty("errors", problem.fieldProblems().stream()
                    .map(f -> Map.of("field", f.field(), "message", f.message()))
                    .toList());
        }
        return ResponseEntity.status(problem.status()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(body);
    }

    private static String firstLine(String text) {
        if (text == null) {
            return "";
        }
        int newline = text.indexOf('\n');
        return newline < 0 ? text : text.substring(0, newline);
    }
}
