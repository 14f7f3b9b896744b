package io.stowage.api.commands;

import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import java.util.Set;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.filter.reactive.ServerWebExchangeContextFilter;

@Configuration
class CommandsConfiguration {

    private static final Set<RequestMethod> WRITES = Set.of(RequestMethod.POST, RequestMethod.PUT, RequestMethod.PATCH, RequestMethod.DELETE);

    /** Puts the exchange in the Reactor context, where {@link Commands} reads the key, the route and the path variables. */
    @Bean
    ServerWebExchangeContextFilter exchangeInContext() {
        return new ServerWebExchangeContextFilter();
    }

    /** Every command route takes an Idempotency-Key; the document says so on each, since no handler declares the header itself. */
    @Bean
    OperationCustomizer idempotencyKeyHeader() {
        return (operation, handler) -> {
            RequestMapping mapping = AnnotatedElementUtils.findMergedAnnotation(handler.getMethod(), RequestMapping.class);
            boolean command = mapping != null && Set.of(mapping.method()).stream().anyMatch(WRITES::contains)
                    && !handler.hasMethodAnnotation(NotACommand.class);
            if (command) {
                operation.addParametersItem(new HeaderParameter().name(Commands.KEY_HEADER).required(false).schema(new StringSchema().maxLength(200))
                        .description("A unique key per command: a retry with the same key and request gets the first answer again"));
            }
            return operation;
        };
    }
}
