package io.stowage.api.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import io.stowage.api.support.ApiTest;
import io.stowage.carriers.tracking.OpeningHours;
import io.stowage.carriers.tracking.PickupPoint;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.r2dbc.core.DatabaseClient;

/**
 * The pickup point a parcel waits at, as the carrier's signed webhook names it (its address, opening
 * hours and collect-by day), in the merchant's tracking and events; gone once the parcel is collected.
 * In the shared context, where the sandbox's own journey takes minutes, so the test's news moves it (a
 * polled locker parcel is in {@link ParcelJourneyTest}).
 */
class PickupPointTest extends ApiTest {

    private static final PickupPoint POST_OFFICE = new PickupPoint("LT-01103", "Vilniaus centrinis paštas", List.of("Gedimino pr. 7"),
            "LT-01103", "Vilnius", "LT", Optional.of(OpeningHours.weekly(Map.of(
                    DayOfWeek.MONDAY, List.of(OpeningHours.Period.of("08:00", "12:00"), OpeningHours.Period.of("13:00", "19:00")),
                    DayOfWeek.SATURDAY, List.of(OpeningHours.Period.of("09:00", "15:00"))))),
            Optional.of(LocalDate.parse("2027-01-15")));

    @Autowired
    ApplicationContext context;

    @Autowired
    DatabaseClient db;

    @Test
    @SuppressWarnings("unchecked")
    void aWebhookNamingThePostOfficeGivesItsAddressHoursAndCollectByUntilTheParcelIsCollected() {
        TrackedShipment shipment = TrackedShipment.labelled(this, context, null);
        shipment.news.scan("ARRIVED_AT_HUB", "Arrived at sorting hub", "Vilnius hub");
        shipment.news.scanAt("AT_PICKUP_POINT", "Ready for collection", POST_OFFICE);

        Map<String, Object> point = (Map<String, Object>) shipment.await(summary -> summary.get("pickup_point") != null).get("pickup_point");
        assertThat(point).containsEntry("name", "Vilniaus centrinis paštas").containsEntry("address", "Gedimino pr. 7, LT-01103 Vilnius")
                .as("the carrier's day, not the default hold").containsEntry("collect_by", "2027-01-15");
        Map<String, Object> hours = (Map<String, Object>) point.get("opening_hours");
        assertThat(hours).containsEntry("always_open", false);
        List<Map<String, Object>> days = (List<Map<String, Object>>) hours.get("days");
        assertThat(days).extracting(day -> day.get("day"))
                .containsExactly("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday");
        assertThat(days.get(0).get("periods")).isEqualTo(List.of(Map.of("opens", "08:00", "closes", "12:00"),
                Map.of("opens", "13:00", "closes", "19:00")));
        assertThat(days.get(1).get("periods")).as("closed on Tuesday").isEqualTo(List.of());

        // The merchant's event says the same (and EventSchemas checked it against docs/events).
        Map<String, Object> announced = (Map<String, Object>) shipment.merchantEvents("shipment.tracking_updated").stream()
                .map(event -> (Map<String, Object>) ((Map<String, Object>) event).get("data"))
                .filter(data -> "available_for_pickup".equals(data.get("status"))).findFirst().orElseThrow().get("pickup_point");
        assertThat(announced).containsEntry("address", "Gedimino pr. 7, LT-01103 Vilnius").containsEntry("opening_hours", hours);

        // A later scan there that names no point keeps the one named; collected, the parcel is at no point any more.
        shipment.news.scan("AT_PICKUP_POINT", "Still waiting", "");
        shipment.news.scan("COLLECTED", "Collected by recipient", "Vilniaus centrinis paštas");
        Map<?, ?> collected = shipment.await(summary -> "delivered".equals(summary.get("status")));
        assertThat(collected.get("pickup_point")).isNull();
        assertThat(storedPoint(db, shipment.id)).as("cleared in the row, not only hidden").containsOnlyNulls();
    }

    /** The pickup point's columns of the shipment's tracking row: name, address, hours, collect-by. */
    static List<Object> storedPoint(DatabaseClient db, UUID shipmentId) {
        return db.sql("""
                        SELECT pickup_point_name, pickup_point_address, pickup_point_hours::text AS hours, pickup_collect_by
                        FROM shipment_tracking WHERE shipment_id = :id
                        """)
                .bind("id", shipmentId)
                .map(row -> java.util.Arrays.asList(row.get("pickup_point_name"), row.get("pickup_point_address"), row.get("hours"),
                        row.get("pickup_collect_by")))
                .one().block();
    }
}
