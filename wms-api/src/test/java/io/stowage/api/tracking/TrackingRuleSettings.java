package io.stowage.api.tracking;

import java.util.Map;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** Tracking's settings as the service binds them (its defaults, and the given {@code stowage.tracking.*} values), without Spring. */
final class TrackingRuleSettings {

    private TrackingRuleSettings() {
    }

    static TrackingSettings with(Map<String, String> properties) {
        return new Binder(new MapConfigurationPropertySource(properties)).bindOrCreate("stowage.tracking", TrackingSettings.class);
    }

    static TrackingSettings defaults() {
        return with(Map.of());
    }
}
