package io.stowage.api.support;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an {@link ApiTest} whose application context is configured differently from the shared one
 * (its own properties, beans or stopped loops): its context then runs on a database of its own, so
 * that its background loops never act on the shared database's rows and the shared context's loops
 * never act on its rows. Classes with the same configuration still share that context and database.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface OwnDatabase {
}
