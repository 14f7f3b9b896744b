package io.stowage.api.boxes;

import io.stowage.api.Published;

/**
 * A closed carton's measured weight against what it should weigh (tare plus the units' catalog
 * weights). Outside the tolerance the carton is re-checked rather than shipped.
 */
@Published
public record WeightCheck(int expectedGrams, int measuredGrams, int toleranceGrams, boolean withinTolerance) {
}
