package io.stowage.api.access;

import io.stowage.api.database.Params;
import io.stowage.api.problem.ApiProblem;
import io.stowage.api.problem.ProblemType;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Badge + PIN login for a shift-long token. After too many wrong PINs the badge is locked for a
 * while, so a lost badge cannot be brute-forced; a right PIN resets the count.
 */
@Service
public class WorkerSessions {

    static final String PREFIX = "wt_";

    private final DatabaseClient db;
    private final Duration sessionLength;
    private final int attemptsBeforeLock;
    private final Duration lockLength;

    public WorkerSessions(DatabaseClient db,
                          @Value("${stowage.worker-session-hours}") int sessionHours,
                          @Value("${stowage.pin-attempts-before-lock}") int attemptsBeforeLock,
                          @Value("${stowage.pin-lock-minutes}") int lockMinutes) {
        this.db = db;
        this.sessionLength = Duration.ofHours(sessionHours);
        this.attemptsBeforeLock = attemptsBeforeLock;
        this.lockLength = Duration.ofMinutes(lockMinutes);
    }

    public record Session(String token, OffsetDateTime expiresAt, UUID workerId, String badgeCode, String name, List<String> roles) {
    }

    private record Candidate(UUID id, String name, String pinHash, String[] roles, OffsetDateTime lockedUntil) {
    }

    public Mono<Session> login(String badgeCode, String pin, String deviceId) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        return db.sql("SELECT id, name, pin_hash, roles, locked_until FROM workers WHERE badge_code = :badge AND active")
                .bind("badge", badgeCode)
                .map(row -> new Candidate(row.get("id", UUID.class), row.get("name", String.class), row.get("pin_hash", String.class),
                        row.get("roles", String[].class), row.get("locked_until", OffsetDateTime.class)))
                .one()
                .switchIfEmpty(Mono.error(() -> ApiProblem.unauthorized("Unknown badge or wrong PIN")))
                .flatMap(worker -> {
                    if (worker.lockedUntil() != null && worker.lockedUntil().isAfter(now)) {
                        return Mono.error(locked(worker.lockedUntil()));
                    }
                    return Mono.fromCallable(() -> Workers.PINS.matches(pin, worker.pinHash()))
                            .subscribeOn(Schedulers.boundedElastic())
                            .flatMap(right -> right ? open(worker, badgeCode, deviceId, now) : refuse(worker, now));
                });
    }

    public Mono<Void> logout(String token) {
        return db.sql("DELETE FROM worker_sessions WHERE token_hash = :hash").bind("hash", Secrets.sha256(token)).then();
    }

    private Mono<Session> open(Candidate worker, String badgeCode, String deviceId, OffsetDateTime now) {
        String token = Secrets.newSecret(PREFIX);
        OffsetDateTime expiresAt = now.plus(sessionLength);
        return db.sql("UPDATE workers SET failed_attempts = 0, locked_until = NULL WHERE id = :id").bind("id", worker.id())
                .then()
                .then(db.sql("INSERT INTO worker_sessions (token_hash, worker_id, device_id, expires_at) VALUES (:hash, :worker, :device, :expires)")
                        .bind("hash", Secrets.sha256(token))
                        .bind("worker", worker.id())
                        .bind("device", Params.nullable(deviceId, String.class))
                        .bind("expires", expiresAt)
                        .then())
                .thenReturn(new Session(token, expiresAt, worker.id(), badgeCode, worker.name(), List.of(worker.roles())));
    }

    private Mono<Session> refuse(Candidate worker, OffsetDateTime now) {
        // One statement counts the failure and locks on the last allowed attempt, so parallel guesses cannot slip past.
        return db.sql("""
                        UPDATE workers
                        SET failed_attempts = CASE WHEN failed_attempts + 1 >= :limit THEN 0 ELSE failed_attempts + 1 END,
                            locked_until = CASE WHEN failed_attempts + 1 >= :limit THEN CAST(:lockedUntil AS timestamptz) ELSE locked_until END
                        WHERE id = :id
                        RETURNING locked_until
                        """)
                .bind("limit", attemptsBeforeLock)
                .bind("lockedUntil", now.plus(lockLength))
                .bind("id", worker.id())
                .map(row -> Optional.ofNullable(row.get("locked_until", OffsetDateTime.class)))
                .one()
                .flatMap(lockedUntil -> Mono.error(lockedUntil.filter(t -> t.isAfter(now)).<RuntimeException>map(WorkerSessions::locked)
                        .orElseGet(() -> ApiProblem.unauthorized("Unknown badge or wrong PIN"))));
    }

    private static ApiProblem locked(OffsetDateTime until) {
        return new ApiProblem(ProblemType.BADGE_LOCKED, "Too many wrong PINs: this badge is locked until " + until + "; a supervisor can help", List.of());
    }
}
