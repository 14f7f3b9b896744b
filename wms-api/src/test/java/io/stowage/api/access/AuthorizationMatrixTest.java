package io.stowage.api.access;

import static org.assertj.core.api.Assertions.assertThat;

import io.stowage.api.support.ApiTest;
import io.stowage.api.support.World;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every route the OpenAPI document lists, walked generically: without a secret it is 401 (but the
 * worker login); with another merchant's key, a route naming one merchant's resource answers 404 or
 * refuses, never 2xx, and no answer to the other merchant carries the first merchant's identifiers.
 * A route added later is walked too, without touching this test.
 */
class AuthorizationMatrixTest extends ApiTest {

    private static final Pattern PARAMETER = Pattern.compile("\\{([^}]+)}");
    private static final List<String> METHODS = List.of("get", "post", "put", "patch", "delete");

    record Operation(HttpMethod method, String template, JsonNode spec) {
        @Override
        public String toString() {
            return method + " " + template;
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void noRouteAnswersWithoutASecretAndNoneGivesOneMerchantsDataToAnother() {
        World owner = World.create(this);
        String asnReference = "ASN-MATRIX-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT);
        owner.worker(this).post().uri("/api/v1/receipts").header("Idempotency-Key", "matrix-" + UUID.randomUUID())
                .bodyValue(Map.of("merchant_id", owner.merchantId, "sku", "TEE-M-NAVY", "quantity", 5, "location_code", "DOCK-1"))
                .exchange().expectStatus().isCreated();
        Map<String, Object> order = owner.merchant(this).post().uri("/api/v1/orders").header("Idempotency-Key", "matrix-" + UUID.randomUUID())
                .bodyValue(Map.of("customer", Map.of("name", "Ona", "email", "ona@example.com",
                                "address", Map.of("line", "Gedimino pr. 1", "city", "Vilnius", "postal_code", "01103", "country", "LT")),
                        "lines", List.of(Map.of("sku", "TEE-M-NAVY", "quantity", 1)), "service_level", "standard", "channel", "web"))
                .exchange().expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();
        owner.merchant(this).post().uri("/api/v1/asns").header("Idempotency-Key", "matrix-" + UUID.randomUUID())
                .bodyValue(Map.of("reference", asnReference, "node_code", owner.node, "expected_on", "2030-01-01",
                        "lines", List.of(Map.of("sku", "TEE-S-SAND", "quantity", 2))))
                .exchange().expectStatus().isCreated();
        Map<String, Object> apiKey = owner.merchant(this).post().uri("/api/v1/api-keys").bodyValue(Map.of("name", "matrix"))
                .exchange().expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();
        Map<String, Object> subscription = owner.merchant(this).post().uri("/api/v1/back-in-stock-subscriptions")
                .bodyValue(Map.of("sku", "TEE-S-SAND", "email", "shopper@example.com"))
                .exchange().expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();
        String orderId = String.valueOf(order.get("id"));
        String orderBefore = read(owner.merchant(this).get().uri("/api/v1/orders/{id}", orderId));

        Map<String, String> ownersResources = Map.of(
                "/api/v1/orders/{id}", orderId,
                "/api/v1/api-keys/{id}", String.valueOf(apiKey.get("id")),
                "/api/v1/back-in-stock-subscriptions/{id}", String.valueOf(subscription.get("id")));
        List<String> ownersIdentifiers = List.of(owner.merchantId, orderId, asnReference, String.valueOf(apiKey.get("id")),
                String.valueOf(subscription.get("id")));
        WebTestClient stranger = as(newMerchant("Matrix stranger " + UUID.randomUUID()));

        List<Operation> operations = operations();
        assertThat(operations).hasSizeGreaterThan(60);
        List<String> failures = new ArrayList<>();
        for (Operation operation : operations) {
            String uri = uri(operation, owner, asnReference, ownersResources);
            boolean open = operation.template().equals("/api/v1/auth/worker-sessions") && operation.method() == HttpMethod.POST;

            EntityExchangeResult<byte[]> anonymous = call(web, operation, uri);
            if (!open && anonymous.getStatus().value() != 401) {
                failures.add(operation + " without a secret answered " + anonymous.getStatus());
            } else if (!open && !MediaType.APPLICATION_PROBLEM_JSON.isCompatibleWith(anonymous.getResponseHeaders().getContentType())) {
                failures.add(operation + " without a secret answered 401 without a problem body");
            }

            EntityExchangeResult<byte[]> foreign = call(stranger, operation, uri);
            int status = foreign.getStatus().value();
            String body = foreign.getResponseBody() == null ? "" : new String(foreign.getResponseBody(), StandardCharsets.UTF_8);
            if (status >= 500) {
                failures.add(operation + " with another merchant's key failed with " + status + ": " + body);
            }
            if (namesOwnersResource(operation.template()) && status < 300 && !open) {
                failures.add(operation + " " + uri + " answered another merchant's key with " + status + ": " + body);
            }
            if (status < 300) {
                for (String identifier : ownersIdentifiers) {
                    if (body.contains(identifier)) {
                        failures.add(operation + " " + uri + " showed another merchant " + identifier);
                    }
                }
            }
        }
        assertThat(failures).isEmpty();
        assertThat(read(owner.merchant(this).get().uri("/api/v1/orders/{id}", orderId))).isEqualTo(orderBefore);
        owner.merchant(this).get().uri("/api/v1/asns/{reference}", asnReference).exchange().expectStatus().isOk();
        owner.merchant(this).get().uri("/api/v1/products/TEE").exchange().expectStatus().isOk();
    }

    private List<Operation> operations() {
        JsonNode docs = JsonMapper.builder().build().readTree(read(web.get().uri("/v3/api-docs")));
        List<Operation> operations = new ArrayList<>();
        for (var path : docs.path("paths").properties()) {
            if (!path.getKey().startsWith("/api/v1/")) {
                continue;
            }
            for (String method : METHODS) {
                if (path.getValue().has(method)) {
                    operations.add(new Operation(HttpMethod.valueOf(method.toUpperCase(Locale.ROOT)), path.getKey(), path.getValue().get(method)));
                }
            }
        }
        return operations;
    }

    /** The route with its path parameters filled with the owner's identifiers, and its required query parameters. */
    private static String uri(Operation operation, World owner, String asnReference, Map<String, String> ownersResources) {
        String template = operation.template();
        Matcher parameters = PARAMETER.matcher(template);
        StringBuilder uri = new StringBuilder();
        while (parameters.find()) {
            String name = parameters.group(1);
            String value = switch (name) {
                case "productCode" -> "TEE";
                case "sku" -> "TEE-M-NAVY";
                case "reference" -> asnReference;
                case "code" -> owner.node;
                case "locationCode" -> "A-01-01-A";
                case "channel" -> "web";
                case "carrier" -> "sandbox";
                case "id" -> ownersResources.getOrDefault(template.substring(0, template.indexOf("{id}") + 4), UUID.randomUUID().toString());
                default -> UUID.randomUUID().toString();
            };
            parameters.appendReplacement(uri, Matcher.quoteReplacement(value));
        }
        parameters.appendTail(uri);
        List<String> query = new ArrayList<>();
        for (JsonNode parameter : operation.spec().path("parameters")) {
            if ("query".equals(parameter.path("in").asString()) && parameter.path("required").asBoolean()) {
                String name = parameter.path("name").asString();
                query.add(name + "=" + switch (name) {
                    case "sku" -> "TEE-M-NAVY";
                    case "location_code" -> "DOCK-1";
                    case "latitude", "longitude" -> "54.7";
                    case "merchant_id" -> owner.merchantId;
                    default -> "x";
                });
            }
        }
        return query.isEmpty() ? uri.toString() : uri + "?" + String.join("&", query);
    }

    /**
     * Routes that name one merchant's resource; every identifier filled in belongs to the owner, or to nobody.
     * A node ({code}) is the 3PL's, not a merchant's: its public description may be read by every merchant.
     */
    private static boolean namesOwnersResource(String template) {
        return template.contains("{") && !template.startsWith("/api/v1/shelf-life-rules/") && !template.equals("/api/v1/nodes/{code}");
    }

    private static EntityExchangeResult<byte[]> call(WebTestClient client, Operation operation, String uri) {
        WebTestClient.RequestBodySpec request = client.method(operation.method()).uri(uri)
                .header("Idempotency-Key", "matrix-" + UUID.randomUUID());
        WebTestClient.RequestHeadersSpec<?> withBody = operation.method() == HttpMethod.GET || operation.method() == HttpMethod.DELETE
                ? request : request.contentType(MediaType.APPLICATION_JSON).bodyValue("{}");
        return withBody.exchange().expectBody().returnResult();
    }

    private static String read(WebTestClient.RequestHeadersSpec<?> request) {
        byte[] body = request.exchange().expectStatus().isOk().expectBody().returnResult().getResponseBody();
        return body == null ? "" : new String(body, StandardCharsets.UTF_8);
    }
}
