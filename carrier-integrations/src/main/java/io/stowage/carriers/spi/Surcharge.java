package io.stowage.carriers.spi;

/** One line added to a base price, such as fuel or remote area. */
public record Surcharge(String kind, Money amount) {
}
