package io.stowage.api.shipping;

import java.time.Instant;
import java.util.UUID;

/** A merchant's carrier account as the API shows it: whether an API key is kept, never the key or any part of it. */
record CarrierAccountView(UUID id, String carrier, String description, boolean preferred, boolean apiKeySet, String baseUri,
                          Instant createdAt) {
}
