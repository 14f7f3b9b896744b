package io.stowage.api.network;

import io.stowage.api.Published;
import java.util.Arrays;
import java.util.Locale;

/** What a location is for; the names are the values of {@code locations.type}. */
@Published
public enum LocationType {
    PICK_FACE, RESERVE, DOCK, STAGING, PACK_STATION, RETURNS;

    /** The values as the API spells them, for validation messages and patterns. */
    static final String NAMES = "pick_face, reserve, dock, staging, pack_station, returns";
    static final String PATTERN = "pick_face|reserve|dock|staging|pack_station|returns";

    public String json() {
        return name().toLowerCase(Locale.ROOT);
    }

    static boolean isKnown(String name) {
        return Arrays.stream(values()).anyMatch(type -> type.json().equals(name));
    }
}
