package io.stowage.api.shipping;

import io.stowage.api.carriers.CarrierDirectory;
import io.stowage.api.database.Params;
import io.stowage.api.problem.ApiProblem;
import io.stowage.api.problem.ProblemType;
import io.stowage.carriers.easypost.EasyPostCarrier;
import io.stowage.carriers.sandbox.SandboxCarrier;
import java.net.URI;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The carriers each merchant ships with: the sandbox, the installation's rate-card carriers, and
 * EasyPost with the merchant's API key (encrypted at rest by {@link CredentialCipher}). A merchant
 * without accounts ships with the installation's carriers.
 */
@Component
class CarrierAccounts {

    /** An account as purchases read it, with the key still encrypted. */
    record Account(UUID id, UUID merchantId, String carrierCode, boolean preferred, byte[] apiKeyEncrypted, String baseUri) {
    }

    record NewAccount(String carrier, String apiKey, String description, Boolean preferred, String baseUri) {
    }

    private final DatabaseClient db;
    private final CarrierDirectory directory;
    private final CredentialCipher cipher;

    CarrierAccounts(DatabaseClient db, CarrierDirectory directory, CredentialCipher cipher) {
        this.db = db;
        this.directory = directory;
        this.cipher = cipher;
    }

    Mono<CarrierAccountView> add(UUID merchantId, NewAccount request, boolean byAdmin) {
        String carrier = request.carrier().trim().toLowerCase(Locale.ROOT);
        boolean easyPost = carrier.equals(EasyPostCarrier.CODE);
        if (!easyPost && !carrier.equals(SandboxCarrier.CODE) && !directory.knowsCarrier(carrier)) {
            return Mono.error(ApiProblem.of(ProblemType.UNKNOWN_CARRIER, "No carrier '" + request.carrier() + "': use sandbox, easypost or one of "
                    + directory.services().stream().map(service -> service.carrierCode()).distinct().toList()));
        }
        if (easyPost && (request.apiKey() == null || request.apiKey().isBlank())) {
            return Mono.error(ApiProblem.invalid("api_key", "is required for an EasyPost account"));
        }
        if (!easyPost && request.apiKey() != null) {
            return Mono.error(ApiProblem.invalid("api_key", "only EasyPost accounts take an API key; " + carrier + " needs none"));
        }
        if (request.baseUri() != null && !(byAdmin && easyPost)) {
            return Mono.error(ApiProblem.invalid("base_uri", "only an administrator may set it, and only on an EasyPost account"));
        }
        if (request.baseUri() != null && !isHttpUri(request.baseUri())) {
            return Mono.error(ApiProblem.invalid("base_uri", "must be an absolute http or https URI"));
        }
        UUID id = UUID.randomUUID();
        byte[] encrypted = easyPost ? cipher.encrypt(id, request.apiKey().trim()) : null;
        return db.sql("""
                        INSERT INTO carrier_accounts (id, merchant_id, carrier_code, description, api_key_encrypted, preferred, base_uri)
                        VALUES (:id, :merchant, :carrier, :description, :key, :preferred, :baseUri)
                        RETURNING id, carrier_code, description, preferred, api_key_encrypted IS NOT NULL AS api_key_set, base_uri, created_at
                        """)
                .bind("id", id).bind("merchant", merchantId).bind("carrier", carrier)
                .bind("description", Params.nullable(request.description(), String.class))
                .bind("key", Params.nullable(encrypted, byte[].class))
                .bind("preferred", Boolean.TRUE.equals(request.preferred()))
                .bind("baseUri", Params.nullable(request.baseUri(), String.class))
                .map(CarrierAccounts::view).one()
                .onErrorMap(DataIntegrityViolationException.class, e -> ApiProblem.of(ProblemType.ALREADY_EXISTS,
                        "The merchant has a " + carrier + " account already; disable it first to replace it"));
    }

    private static boolean isHttpUri(String text) {
        try {
            URI uri = URI.create(text);
            return uri.isAbsolute() && uri.getHost() != null && ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    Flux<CarrierAccountView> list(UUID merchantId) {
        return db.sql("""
                        SELECT id, carrier_code, description, preferred, api_key_encrypted IS NOT NULL AS api_key_set, base_uri, created_at
                        FROM carrier_accounts WHERE merchant_id = :merchant AND disabled_at IS NULL ORDER BY carrier_code
                        """)
                .bind("merchant", merchantId).map(CarrierAccounts::view).all();
    }

    /** Stops using the account; its row stays, since shipments bought on it name it. */
    Mono<Void> disable(UUID merchantId, UUID accountId) {
        return db.sql("""
                        UPDATE carrier_accounts SET disabled_at = clock_timestamp()
                        WHERE id = :id AND merchant_id = :merchant AND disabled_at IS NULL
                        """)
                .bind("id", accountId).bind("merchant", merchantId)
                .fetch().rowsUpdated()
                .flatMap(updated -> updated == 1 ? Mono.<Void>empty() : Mono.error(ApiProblem.notFound("Carrier account", accountId)));
    }

    Mono<List<Account>> active(UUID merchantId) {
        return db.sql("""
                        SELECT id, merchant_id, carrier_code, preferred, api_key_encrypted, base_uri FROM carrier_accounts
                        WHERE merchant_id = :merchant AND disabled_at IS NULL ORDER BY carrier_code
                        """)
                .bind("merchant", merchantId).map(row -> account(row)).all().collectList();
    }

    Mono<Account> byId(UUID accountId) {
        return db.sql("SELECT id, merchant_id, carrier_code, preferred, api_key_encrypted, base_uri FROM carrier_accounts WHERE id = :id")
                .bind("id", accountId).map(row -> account(row)).one();
    }

    String apiKey(Account account) {
        return cipher.decrypt(account.id(), account.apiKeyEncrypted());
    }

    private static Account account(io.r2dbc.spi.Readable row) {
        return new Account(row.get("id", UUID.class), row.get("merchant_id", UUID.class), row.get("carrier_code", String.class),
                Boolean.TRUE.equals(row.get("preferred", Boolean.class)), row.get("api_key_encrypted", byte[].class),
                row.get("base_uri", String.class));
    }

    private static CarrierAccountView view(io.r2dbc.spi.Readable row) {
        OffsetDateTime created = row.get("created_at", OffsetDateTime.class);
        return new CarrierAccountView(row.get("id", UUID.class), row.get("carrier_code", String.class), row.get("description", String.class),
                Boolean.TRUE.equals(row.get("preferred", Boolean.class)), Boolean.TRUE.equals(row.get("api_key_set", Boolean.class)),
                row.get("base_uri", String.class), created == null ? null : created.toInstant());
    }
}
