package io.stowage.api.problem;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
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
        String reason = e.getReason() == null ? "The request could not be read" : e.getReason();
        Throwable cause = e.getMostSpecificCause();
        String detail = cause != e && cause.getMessage() != null ? reason + ": " + firstLine(cause.getMessage()) : reason;
        return render(new ApiProblem(ProblemType.MALFORMED_REQUEST, detail, List.of()));
    }

    @ExceptionHandler(MethodNotAllowedException.class)
    public ResponseEntity<ProblemDetail> methodNotAllowed(MethodNotAllowedException e) {
        return render(new ApiProblem(ProblemType.METHOD_NOT_ALLOWED, e.getMessage(), List.of()));
    }

    @ExceptionHandler(ResponseStatusException.class)
    public ResponseEntity<ProblemDetail> status(ResponseStatusException e) {
        HttpStatus status = HttpStatus.valueOf(e.getStatusCode().value());
        return render(new ApiProblem(ProblemType.forStatus(status), e.getReason() == null ? status.getReasonPhrase() : e.getReason(), List.of()));
    }

    @ExceptionHandler(DataIntegrityViolationException.class)
    public ResponseEntity<ProblemDetail> integrity(DataIntegrityViolationException e) {
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
        log.error("Unexpected failure", e);
        return render(new ApiProblem(ProblemType.INTERNAL_ERROR, "The service failed unexpectedly; nothing was changed", List.of()));
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
