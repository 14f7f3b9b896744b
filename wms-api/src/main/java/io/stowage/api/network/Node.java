package io.stowage.api.network;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.stowage.api.Published;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A warehouse or a store: a place that holds stock. Warehouses are the 3PL's and serve every
 * merchant; a store may belong to one merchant ({@code merchantId}).
 */
@Published
public record Node(UUID id, String code, String kind, String name, UUID merchantId, Address address,
                   double latitude, double longitude, String timeZone, OffsetDateTime createdAt) {

    public static final String WAREHOUSE = "warehouse";
    public static final String STORE = "store";

    @JsonIgnore
    public boolean isWarehouse() {
        return WAREHOUSE.equals(kind);
    }

    /** A postal address; {@code country} is an ISO 3166-1 alpha-2 code. */
    public record Address(String line, String city, String postalCode, String country) {
    }
}
