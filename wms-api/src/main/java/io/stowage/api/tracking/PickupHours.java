package io.stowage.api.tracking;

import io.stowage.api.Published;
import io.stowage.carriers.tracking.OpeningHours;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A pickup point's opening hours as the tracking JSON, the merchant's events and the customer's pages
 * give them: open always (a locker), or the periods of each of the seven days, Monday first, a closed
 * day with none; times as {@code HH:mm} in the point's local time, {@code 24:00} for a period open
 * until midnight (the carrier library's {@code PickupPointJson} shape). Written out in a reader's
 * language by {@link #lines}.
 */
@Published
public record PickupHours(boolean alwaysOpen, List<Day> days) {

    private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");

    public PickupHours {
        days = List.copyOf(days);
    }

    /** @param day the weekday in lower case, {@code monday} to {@code sunday} */
    public record Day(String day, List<Period> periods) {

        public Day {
            periods = List.copyOf(periods);
        }
    }

    public record Period(String opens, String closes) {
    }

    public static PickupHours of(OpeningHours hours) {
        if (hours.alwaysOpen()) {
            return new PickupHours(true, List.of());
        }
        List<Day> days = new ArrayList<>();
        for (DayOfWeek day : DayOfWeek.values()) {
            days.add(new Day(day.name().toLowerCase(Locale.ROOT), hours.on(day).stream()
                    .map(period -> new Period(HH_MM.format(period.opens()), period.untilMidnight() ? "24:00" : HH_MM.format(period.closes())))
                    .toList()));
        }
        return new PickupHours(false, days);
    }

    /** As an event's payload writes them. */
    public Map<String, Object> payload() {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("always_open", alwaysOpen);
        payload.put("days", days.stream().map(day -> Map.of("day", day.day(), "periods", day.periods().stream()
                .map(period -> Map.of("opens", period.opens(), "closes", period.closes())).toList())).toList());
        return payload;
    }

    /**
     * A run of days with the same hours, in the reader's language: "Monday – Friday" and "8:00 AM–7:00 PM"
     * in English, "Pirmadienis – penktadienis" and "08:00–19:00" in Lithuanian (java.time's weekday names
     * and short time of the language, two periods of a day joined with a comma).
     *
     * @param hours null for days it is closed
     */
    public record Run(String days, String hours) {
    }

    /**
     * The days, Monday first (the week starts on Monday in all five languages' countries), each run of
     * days with the same hours once; empty for a point open always.
     */
    public List<Run> runs(Locale locale) {
        DateTimeFormatter times = DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT).withLocale(locale);
        List<Run> runs = new ArrayList<>();
        int first = 0;
        while (first < days.size()) {
            int last = first;
            while (last + 1 < days.size() && days.get(last + 1).periods().equals(days.get(first).periods())) {
                last++;
            }
            String dayNames = dayName(days.get(first), locale) + (last == first ? "" : " – " + dayName(days.get(last), locale));
            List<Period> periods = days.get(first).periods();
            runs.add(new Run(capitalised(dayNames, locale), periods.isEmpty() ? null : String.join(", ", periods.stream()
                    .map(period -> time(times, period.opens()) + "–" + time(times, period.closes())).toList())));
            first = last + 1;
        }
        return runs;
    }

    /** The hours as lines of text: {@code alwaysOpenText} alone for a point open always, else "days: hours" per {@link #runs run}. */
    public List<String> lines(Locale locale, String alwaysOpenText, String closedText) {
        if (alwaysOpen) {
            return List.of(alwaysOpenText);
        }
        return runs(locale).stream().map(run -> run.days() + ": " + (run.hours() == null ? closedText : run.hours())).toList();
    }

    private static String dayName(Day day, Locale locale) {
        return DayOfWeek.valueOf(day.day().toUpperCase(Locale.ROOT)).getDisplayName(TextStyle.FULL, locale);
    }

    private static String time(DateTimeFormatter times, String hhmm) {
        return "24:00".equals(hhmm) ? times.format(LocalTime.MIDNIGHT) : times.format(LocalTime.parse(hhmm));
    }

    private static String capitalised(String text, Locale locale) {
        return text.isEmpty() ? text : text.substring(0, 1).toUpperCase(locale) + text.substring(1);
    }
}
