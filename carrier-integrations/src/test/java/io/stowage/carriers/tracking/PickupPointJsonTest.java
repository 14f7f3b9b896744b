package io.stowage.carriers.tracking;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PickupPointJsonTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void aPostOfficeWithALunchBreakAndALateDayGoesThroughJsonUnchanged() {
        OpeningHours hours = OpeningHours.weekly(Map.of(
                DayOfWeek.MONDAY, List.of(OpeningHours.Period.of("13:00", "18:00"), OpeningHours.Period.of("08:00", "12:00")),
                DayOfWeek.FRIDAY, List.of(OpeningHours.Period.of("18:00", "24:00"))));
        PickupPoint office = new PickupPoint("LT-1103", "Vilniaus centrinis paštas", List.of("Gedimino pr. 7", " "), "LT-01103", "Vilnius",
                "LT", Optional.of(hours), Optional.of(LocalDate.parse("2026-12-12")));

        String written = JSON.writeValueAsString(PickupPointJson.write(office));
        assertThat(written).contains("\"address_lines\":[\"Gedimino pr. 7\"]", "{\"day\":\"sunday\",\"periods\":[]}",
                "\"periods\":[{\"opens\":\"08:00\",\"closes\":\"12:00\"},{\"opens\":\"13:00\",\"closes\":\"18:00\"}]",
                "{\"opens\":\"18:00\",\"closes\":\"24:00\"}", "\"collect_by\":\"2026-12-12\"");
        assertThat(PickupPointJson.read(JSON.readTree(written))).isEqualTo(office);
        assertThat(office.addressLine()).isEqualTo("Gedimino pr. 7, LT-01103 Vilnius");
        assertThat(hours.on(DayOfWeek.MONDAY)).as("earliest first").extracting(OpeningHours.Period::opens).isSorted();
        assertThat(hours.on(DayOfWeek.FRIDAY).get(0).untilMidnight()).isTrue();
    }

    @Test
    void aLockerOpenAlwaysHasNoDaysAndAPointWithoutNameOrHoursKeepsWhatItHas() {
        PickupPoint locker = new PickupPoint("", "", List.of(), "10001", "New York, NY", "US", Optional.of(OpeningHours.always()), Optional.empty());
        String written = JSON.writeValueAsString(PickupPointJson.write(locker));

        assertThat(written).isEqualTo("{\"postal_code\":\"10001\",\"city\":\"New York, NY\",\"country\":\"US\","
                + "\"opening_hours\":{\"always_open\":true,\"days\":[]}}");
        assertThat(PickupPointJson.read(JSON.readTree(written))).isEqualTo(locker);
    }

    @Test
    void hoursThatCannotBeAreRefused() {
        assertThatThrownBy(() -> OpeningHours.Period.of("19:00", "08:00")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> OpeningHours.weekly(Map.of(DayOfWeek.MONDAY,
                List.of(OpeningHours.Period.of("08:00", "13:00"), OpeningHours.Period.of("12:00", "18:00")))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("overlap");
        assertThatThrownBy(() -> PickupPointJson.readHours(JSON.readTree("{\"days\":[{\"day\":\"funday\",\"periods\":[]}]}")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("funday");
        assertThatThrownBy(() -> PickupPointJson.readHours(JSON.readTree(
                "{\"days\":[{\"day\":\"monday\",\"periods\":[{\"opens\":\"8\",\"closes\":\"19:00\"}]}]}")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
