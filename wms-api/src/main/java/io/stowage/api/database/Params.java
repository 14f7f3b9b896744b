package io.stowage.api.database;

import org.springframework.r2dbc.core.Parameter;

/** R2DBC needs the type of a null bind value; this keeps that noise out of the queries. */
public final class Params {

    private Params() {
    }

    public static <T> Parameter nullable(T value, Class<T> type) {
        return value == null ? Parameter.empty(type) : Parameter.from(value);
    }
}
