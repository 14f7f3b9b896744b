package io.stowage.api.openapi;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import io.swagger.v3.core.converter.ModelConverter;
import io.swagger.v3.core.jackson.ModelResolver;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI document must describe the JSON the API really speaks. The document generator has
 * its own (Jackson 2) mapper, so it is told the same conventions: snake_case names, lower-case enums.
 */
@Configuration
class OpenApiConfig {

    @Bean
    ModelConverter snakeCaseModels() {
        return new ModelResolver(Json.mapper().copy().setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE));
    }

    @Bean
    OpenApiCustomizer stowageConventions() {
        return openApi -> {
            openApi.info(new Info().title("Stowage API").version("v1")
                    .description("Warehouse management and 3PL fulfilment. Errors are application/problem+json (RFC 9457)."));
            openApi.components((openApi.getComponents() == null ? new Components() : openApi.getComponents())
                    .addSecuritySchemes("bearer", new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
                            .description("An admin key, a merchant API key (sk_...) or a worker token (wt_...)")));
            openApi.addSecurityItem(new SecurityRequirement().addList("bearer"));
            Map<String, Schema> schemas = openApi.getComponents().getSchemas();
            if (schemas != null) {
                schemas.values().forEach(OpenApiConfig::lowerCaseEnums);
            }
        };
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private static void lowerCaseEnums(Schema schema) {
        if (schema.getEnum() != null) {
            List<Object> values = schema.getEnum();
            schema.setEnum(values.stream().map(value -> value instanceof String text ? text.toLowerCase(Locale.ROOT) : value).toList());
        }
        if (schema.getProperties() != null) {
            ((Map<String, Schema>) schema.getProperties()).values().forEach(OpenApiConfig::lowerCaseEnums);
        }
        if (schema.getItems() != null) {
            lowerCaseEnums(schema.getItems());
        }
    }
}
