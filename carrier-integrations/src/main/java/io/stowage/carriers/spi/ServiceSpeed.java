package io.stowage.carriers.spi;

/** How fast a service is sold as; the customer's express or eco choice maps onto it. */
public enum ServiceSpeed {
    EXPRESS,
    STANDARD,
    ECONOMY
}
