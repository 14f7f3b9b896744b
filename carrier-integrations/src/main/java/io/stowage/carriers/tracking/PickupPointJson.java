package io.stowage.carriers.tracking;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A pickup point and its opening hours as JSON, in one shape wherever they are written (the sandbox's
 * webhooks, a service's stored events, its public tracking JSON):
 * <pre>
 * {"id": "...", "name": "...", "address_lines": ["Ozo g. 25"], "postal_code": "LT-08200", "city": "Vilnius",
 *  "country": "LT", "collect_by": "2026-12-12",
 *  "opening_hours": {"always_open": false,
 *                    "days": [{"day": "monday", "periods": [{"opens": "08:00", "closes": "19:00"}]}, ...]}}
 * </pre>
 * {@code days} lists all seven days, Monday first, a closed day with no periods; an always-open point
 * has none. A period open until midnight closes at {@code "24:00"}. Absent values are left out.
 */
public final class PickupPointJson {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    private PickupPointJson() {
    }

    public static ObjectNode write(PickupPoint point) {
        ObjectNode node = JSON.createObjectNode();
        putIfNotEmpty(node, "id", point.id());
        putIfNotEmpty(node, "name", point.name());
        if (!point.addressLines().isEmpty()) {
            ArrayNode lines = node.putArray("address_lines");
            point.addressLines().forEach(lines::add);
        }
        putIfNotEmpty(node, "postal_code", point.postalCode());
        putIfNotEmpty(node, "city", point.city());
        putIfNotEmpty(node, "country", point.country());
        point.openingHours().ifPresent(hours -> node.set("opening_hours", writeHours(hours)));
        point.collectBy().ifPresent(date -> node.put("collect_by", date.toString()));
        return node;
    }

    /** @throws IllegalArgumentException when the JSON is not this shape */
    public static PickupPoint read(JsonNode node) {
        if (node == null || !node.isObject()) {
            throw new IllegalArgumentException("a pickup point is a JSON object, got " + node);
        }
        List<String> lines = new ArrayList<>();
        node.path("address_lines").forEach(line -> lines.add(line.asString("")));
        JsonNode hours = node.get("opening_hours");
        JsonNode collectBy = node.get("collect_by");
        try {
            return new PickupPoint(text(node, "id"), text(node, "name"), lines, text(node, "postal_code"), text(node, "city"),
                    text(node, "country"), hours == null || hours.isNull() ? Optional.empty() : Optional.of(readHours(hours)),
                    collectBy == null || collectBy.isNull() ? Optional.empty() : Optional.of(LocalDate.parse(collectBy.asString())));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("pickup point's collect_by is not a date: " + e.getMessage(), e);
        }
    }

    public static ObjectNode writeHours(OpeningHours hours) {
        ObjectNode node = JSON.createObjectNode();
        node.put("always_open", hours.alwaysOpen());
        ArrayNode days = node.putArray("days");
        if (!hours.alwaysOpen()) {
            for (DayOfWeek day : DayOfWeek.values()) {
                ObjectNode entry = days.addObject();
                entry.put("day", day.name().toLowerCase(Locale.ROOT));
                ArrayNode periods = entry.putArray("periods");
                for (OpeningHours.Period period : hours.on(day)) {
                    periods.addObject().put("opens", TIME.format(period.opens()))
                            .put("closes", period.untilMidnight() ? "24:00" : TIME.format(period.closes()));
                }
            }
        }
        return node;
    }

    /** @throws IllegalArgumentException when the JSON is not this shape */
    public static OpeningHours readHours(JsonNode node) {
        if (node == null || !node.isObject()) {
            throw new IllegalArgumentException("opening hours are a JSON object, got " + node);
        }
        if (node.path("always_open").asBoolean(false)) {
            return OpeningHours.always();
        }
        Map<DayOfWeek, List<OpeningHours.Period>> week = new EnumMap<>(DayOfWeek.class);
        for (JsonNode day : node.path("days")) {
            DayOfWeek weekday;
            try {
                weekday = DayOfWeek.valueOf(day.path("day").asString("").toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("'" + day.path("day").asString("") + "' is not a weekday", e);
            }
            List<OpeningHours.Period> periods = new ArrayList<>();
            for (JsonNode period : day.path("periods")) {
                try {
                    periods.add(OpeningHours.Period.of(period.path("opens").asString(""), period.path("closes").asString("")));
                } catch (DateTimeParseException e) {
                    throw new IllegalArgumentException("opening period of " + weekday + " is not HH:mm to HH:mm: " + period, e);
                }
            }
            week.merge(weekday, periods, (a, b) -> {
                List<OpeningHours.Period> both = new ArrayList<>(a);
                both.addAll(b);
                return both;
            });
        }
        return OpeningHours.weekly(week);
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? "" : value.asString("");
    }

    private static void putIfNotEmpty(ObjectNode node, String field, String value) {
        if (!value.isEmpty()) {
            node.put(field, value);
        }
    }
}
