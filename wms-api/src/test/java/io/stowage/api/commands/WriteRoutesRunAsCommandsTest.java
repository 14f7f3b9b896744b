package io.stowage.api.commands;

import static org.assertj.core.api.Assertions.assertThat;

import io.stowage.api.support.ApiTest;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.springframework.asm.ClassReader;
import org.springframework.asm.ClassVisitor;
import org.springframework.asm.Handle;
import org.springframework.asm.MethodVisitor;
import org.springframework.asm.Opcodes;
import org.springframework.asm.Type;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.result.method.RequestMappingInfo;
import org.springframework.web.reactive.result.method.annotation.RequestMappingHandlerMapping;
import reactor.core.publisher.Mono;

/**
 * Every POST, PUT, PATCH and DELETE route the running service maps must run its command through
 * {@link Commands} (scope, key, hash, transaction, retry, replay), unless its handler says why not
 * with {@link NotACommand}. The routes come from the live handler mappings, so a new route is
 * checked without anyone listing it here; the handler's bytecode must call {@code Commands.run} or
 * {@code Commands.require}, itself or in a lambda or private method of its controller.
 */
class WriteRoutesRunAsCommandsTest extends ApiTest {

    private static final Set<RequestMethod> WRITES = Set.of(RequestMethod.POST, RequestMethod.PUT, RequestMethod.PATCH, RequestMethod.DELETE);
    private static final String COMMANDS = Type.getInternalName(Commands.class);

    @Autowired
    ApplicationContext context;

    @Test
    void everyWriteRouteRunsThroughCommands() {
        Set<String> checked = new TreeSet<>();
        Set<String> exempt = new TreeSet<>();
        List<String> bypassing = new ArrayList<>();
        for (RequestMappingHandlerMapping mapping : context.getBeansOfType(RequestMappingHandlerMapping.class).values()) {
            for (Map.Entry<RequestMappingInfo, HandlerMethod> route : mapping.getHandlerMethods().entrySet()) {
                Set<RequestMethod> methods = route.getKey().getMethodsCondition().getMethods();
                HandlerMethod handler = route.getValue();
                boolean ours = handler.getBeanType().getPackageName().startsWith("io.stowage.api");
                if (!ours || methods.stream().noneMatch(WRITES::contains)) {
                    continue;
                }
                String name = methods + " " + route.getKey().getPatternsCondition().getPatterns();
                if (handler.hasMethodAnnotation(NotACommand.class)) {
                    exempt.add(name);
                } else if (runsThroughCommands(handler.getMethod())) {
                    checked.add(name);
                } else {
                    bypassing.add(name + " -> " + handler.getShortLogMessage());
                }
            }
        }
        assertThat(bypassing).as("write routes whose handler does not run through Commands").isEmpty();
        assertThat(checked).as("the write routes found; far fewer means the listing broke").hasSizeGreaterThan(40)
                .contains("[POST] [/api/v1/orders]", "[PATCH] [/api/v1/nodes/{code}/locations/{locationCode}]",
                        "[DELETE] [/api/v1/webhook-endpoints/{id}]", "[PUT] [/api/v1/products/{productCode}]");
        // The carrier webhook receiver is a signed machine-to-machine delivery: no caller scope for a command, the
        // signature instead of a key, and the carrier's event id (carrier_webhook_receipts) instead of an Idempotency-Key.
        assertThat(exempt).containsExactlyInAnyOrder("[POST] [/api/v1/availability/query]", "[POST] [/api/v1/auth/worker-sessions]",
                "[POST] [/track/{token}/unlock]", "[POST] [/track/{token}.json]", "[POST] [/api/v1/carrier-webhooks/{carrier}]",
                "[POST] [/track/{token}/return/unlock]", "[POST] [/track/returns]",
                // The sandbox carrier's parcel-shop scan: the carrier's own system played by this service, not its data.
                "[POST] [/sandbox-carrier/parcels/{trackingNumber}/drop-off]");
    }

    /** The OpenAPI document offers the Idempotency-Key header on every command route, and on nothing else that writes. */
    @Test
    @SuppressWarnings("unchecked")
    void theDocumentOffersTheKeyOnEveryCommandRoute() {
        Map<String, Object> document = web.get().uri("/v3/api-docs").exchange().expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
        Set<String> withKey = new TreeSet<>();
        Set<String> withoutKey = new TreeSet<>();
        ((Map<String, Map<String, Object>>) document.get("paths")).forEach((path, operations) -> operations.forEach((method, operation) -> {
            RequestMethod requestMethod = RequestMethod.resolve(method.toUpperCase(Locale.ROOT));
            if (requestMethod == null || !WRITES.contains(requestMethod)) {
                return;
            }
            List<Map<String, Object>> parameters = (List<Map<String, Object>>) ((Map<String, Object>) operation)
                    .getOrDefault("parameters", List.of());
            boolean documented = parameters.stream()
                    .anyMatch(parameter -> "header".equals(parameter.get("in")) && Commands.KEY_HEADER.equals(parameter.get("name")));
            (documented ? withKey : withoutKey).add(method.toUpperCase(Locale.ROOT) + " " + path);
        }));
        assertThat(withoutKey).containsExactlyInAnyOrder("POST /api/v1/availability/query", "POST /api/v1/auth/worker-sessions",
                "POST /track/{token}.json", "POST /api/v1/carrier-webhooks/{carrier}", "POST /sandbox-carrier/parcels/{trackingNumber}/drop-off");
        assertThat(withKey).hasSizeGreaterThan(40).contains("POST /api/v1/orders", "POST /api/v1/pick-tasks/{id}/confirm");
    }

    /** Functional routes would escape the check above: there are none, and adding one must extend this test. */
    @Test
    void noRouteIsMappedAsAFunction() {
        assertThat(context.getBeansOfType(RouterFunction.class).values())
                .noneMatch(function -> function.getClass().getName().startsWith("io.stowage.api"));
    }

    @Test
    void theCheckTellsAHandlerThatBypassesCommandsFromOneThatDoesNot() throws NoSuchMethodException {
        assertThat(runsThroughCommands(Fixtures.class.getDeclaredMethod("bypasses"))).isFalse();
        assertThat(runsThroughCommands(Fixtures.class.getDeclaredMethod("runs", Commands.class))).isTrue();
        assertThat(runsThroughCommands(Fixtures.class.getDeclaredMethod("runsInALambda", Commands.class))).isTrue();
        assertThat(runsThroughCommands(Fixtures.class.getDeclaredMethod("runsInAPrivateMethod", Commands.class))).isTrue();
    }

    static class Fixtures {
        @PostMapping("/bypasses")
        Mono<String> bypasses() {
            return Mono.just("written without a transaction or a key");
        }

        Mono<ResponseEntity<String>> runs(Commands commands) {
            return commands.run(CommandScope.admin(), null, HttpStatus.OK, Mono::empty);
        }

        Mono<ResponseEntity<String>> runsInALambda(Commands commands) {
            return Mono.just("body").flatMap(body -> commands.require(CommandScope.admin(), body, HttpStatus.OK, Mono::empty));
        }

        Mono<ResponseEntity<String>> runsInAPrivateMethod(Commands commands) {
            return helper(commands);
        }

        private Mono<ResponseEntity<String>> helper(Commands commands) {
            return commands.run(CommandScope.admin(), null, HttpStatus.OK, Mono::empty);
        }
    }

    /** Whether the method, or a method or lambda of its own class that it calls, calls {@code Commands.run} or {@code require}. */
    static boolean runsThroughCommands(Method method) {
        Map<String, Set<String>> calls = callsWithinClass(method.getDeclaringClass());
        Set<String> seen = new HashSet<>();
        List<String> pending = new ArrayList<>(List.of(method.getName() + Type.getMethodDescriptor(method)));
        while (!pending.isEmpty()) {
            String current = pending.remove(pending.size() - 1);
            if (!seen.add(current)) {
                continue;
            }
            for (String callee : calls.getOrDefault(current, Set.of())) {
                if (callee.equals(COMMANDS + ".run") || callee.equals(COMMANDS + ".require")) {
                    return true;
                }
                if (callee.startsWith("this.")) {
                    pending.add(callee.substring("this.".length()));
                }
            }
        }
        return false;
    }

    /** For each method of the class (name + descriptor): what it calls, own methods and lambdas as {@code this.name(desc)}. */
    private static Map<String, Set<String>> callsWithinClass(Class<?> type) {
        String owner = Type.getInternalName(type);
        Map<String, Set<String>> calls = new HashMap<>();
        try (InputStream bytes = type.getClassLoader().getResourceAsStream(owner + ".class")) {
            new ClassReader(bytes).accept(new ClassVisitor(Opcodes.ASM9) {
                @Override
                public MethodVisitor visitMethod(int access, String name, String descriptor, String signature, String[] exceptions) {
                    Set<String> called = calls.computeIfAbsent(name + descriptor, key -> new HashSet<>());
                    return new MethodVisitor(Opcodes.ASM9) {
                        @Override
                        public void visitMethodInsn(int opcode, String callOwner, String callName, String callDescriptor, boolean isInterface) {
                            called.add(callOwner.equals(owner) ? "this." + callName + callDescriptor : callOwner + "." + callName);
                        }

                        @Override
                        public void visitInvokeDynamicInsn(String callName, String callDescriptor, Handle bootstrap, Object... arguments) {
                            for (Object argument : arguments) {
                                if (argument instanceof Handle handle) {
                                    called.add(handle.getOwner().equals(owner)
                                            ? "this." + handle.getName() + handle.getDesc() : handle.getOwner() + "." + handle.getName());
                                }
                            }
                        }
                    };
                }
            }, ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the bytecode of " + type, e);
        }
        return calls;
    }
}
