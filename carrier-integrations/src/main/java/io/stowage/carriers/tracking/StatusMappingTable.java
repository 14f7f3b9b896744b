package io.stowage.carriers.tracking;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * An explicit table from one carrier's status codes to the normalised statuses. Codes the table
 * does not list map to {@link TrackingStatus#UNKNOWN} rather than being guessed, so a new code
 * shows up as unknown (with the code kept) until someone adds it here.
 */
public final class StatusMappingTable {

    private final String carrierCode;
    private final Map<String, StatusMapping> mappings;

    private StatusMappingTable(String carrierCode, Map<String, StatusMapping> mappings) {
        this.carrierCode = carrierCode;
        this.mappings = Map.copyOf(mappings);
    }

    public static Builder forCarrier(String carrierCode) {
        return new Builder(carrierCode);
    }

    public StatusMapping resolve(String carrierStatusCode) {
        StatusMapping mapping = mappings.get(Objects.requireNonNullElse(carrierStatusCode, ""));
        if (mapping == null) {
            return new StatusMapping(TrackingStatus.UNKNOWN,
                    "unmapped " + carrierCode + " status '" + carrierStatusCode + "'");
        }
        return mapping;
    }

    public Map<String, StatusMapping> entries() {
        return mappings;
    }

    /** Builds a table; listing the same code twice is a mistake in the table and is refused. */
    public static final class Builder {
        private final String carrierCode;
        private final Map<String, StatusMapping> mappings = new LinkedHashMap<>();

        private Builder(String carrierCode) {
            this.carrierCode = carrierCode;
        }

        public Builder map(String carrierStatusCode, TrackingStatus status, String detail) {
            if (mappings.putIfAbsent(carrierStatusCode, new StatusMapping(status, detail)) != null) {
                throw new IllegalArgumentException(carrierCode + " status '" + carrierStatusCode + "' mapped twice");
            }
            return this;
        }

        public StatusMappingTable build() {
            return new StatusMappingTable(carrierCode, mappings);
        }
    }
}
