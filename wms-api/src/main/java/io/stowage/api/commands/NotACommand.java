package io.stowage.api.commands;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a POST/PUT/PATCH/DELETE handler that deliberately does not run through {@link Commands},
 * with the reason: a query sent as POST, or a sign-in whose failed attempts must be counted even
 * though the request fails. Every other write route runs through {@link Commands} (a test checks).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface NotACommand {

    String value();
}
