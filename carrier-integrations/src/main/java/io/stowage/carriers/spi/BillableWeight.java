package io.stowage.carriers.spi;

/** The weights behind a price: actual, dimensional and the billable one the tariff was read at. */
public record BillableWeight(int actualGrams, int dimensionalGrams, int billableGrams) {
}
