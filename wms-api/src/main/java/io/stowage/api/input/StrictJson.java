package io.stowage.api.input;

import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.KeyDeserializer;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.cfg.EnumFeature;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.type.LogicalType;

/**
 * JSON binding for the whole API takes a value only as the type it is written as: a quantity of
 * {@code 1.5} is not read as 1, {@code "7"} is not a number, {@code 5} is not the sixth value of an
 * enum, {@code 3000000000} is not silently wrapped into an int, and {@code null} is no zero. Every
 * string, value or object key, must also be text PostgreSQL can store ({@link StorableText}).
 * Each refusal names the field, and {@code ProblemHandler} answers it as a field error.
 */
@Configuration
public class StrictJson {

    @Bean
    JsonMapperBuilderCustomizer strictBinding() {
        return builder -> builder
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .enable(EnumFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
                .withCoercionConfig(LogicalType.Integer, config -> config
                        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
                .withCoercionConfig(LogicalType.Float, config -> config
                        .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
                .withCoercionConfig(LogicalType.Boolean, config -> config
                        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.String, CoercionAction.Fail))
                .withCoercionConfig(LogicalType.Enum, config -> config
                        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail))
                .withCoercionConfig(LogicalType.Textual, config -> config
                        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
                .addModule(storableStrings());
    }

    /** Every JSON string the API reads, wherever it sits, passes {@link StorableText}. */
    static SimpleModule storableStrings() {
        SimpleModule module = new SimpleModule("storable-strings");
        module.addDeserializer(String.class, new StorableStringDeserializer());
        module.addKeyDeserializer(String.class, new StorableKeyDeserializer());
        return module;
    }

    /** The standard string reading, then the storable-text check; not marked a standard implementation, so collections use it too. */
    static final class StorableStringDeserializer extends ValueDeserializer<String> {

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) {
            String text = StringDeserializer.instance.deserialize(parser, context);
            if (text != null) {
                var flaw = StorableText.flaw(text);
                if (flaw.isPresent()) {
                    throw MismatchedInputException.from(parser, String.class, flaw.get());
                }
            }
            return text;
        }

        @Override
        public LogicalType logicalType() {
            return LogicalType.Textual;
        }

        @Override
        public Class<?> handledType() {
            return String.class;
        }

        @Override
        public boolean isCachable() {
            return true;
        }
    }

    static final class StorableKeyDeserializer extends KeyDeserializer {

        @Override
        public Object deserializeKey(String key, DeserializationContext context) {
            var flaw = StorableText.flaw(key);
            if (flaw.isPresent()) {
                throw context.weirdKeyException(String.class, key, flaw.get());
            }
            return key;
        }
    }
}
