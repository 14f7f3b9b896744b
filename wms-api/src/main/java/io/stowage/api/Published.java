package io.stowage.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a type that other feature packages may use: a feature's published query class (for
 * example {@code catalog.Variants}), the few commands it offers to others (for example
 * {@code inventory.StockLedger}) and the records and enums those take and return. Everything
 * else in a feature package is its own business; {@code FeatureBoundariesTest} enforces it and
 * {@code docs/architecture.md} lists the published types table by table.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface Published {
}
