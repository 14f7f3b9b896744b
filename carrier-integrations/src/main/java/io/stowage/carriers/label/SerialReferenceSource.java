package io.stowage.carriers.label;

/**
 * Hands out SSCC serial references, each once. The service backs this with a database sequence
 * per company prefix; {@link InMemorySerialReferenceSource} serves tests and the sandbox.
 */
public interface SerialReferenceSource {

    long next(String gs1CompanyPrefix);
}
