package io.stowage.carriers.tracking;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * When a pickup point is open, as carriers and aggregators give it: per weekday, one or more periods
 * (a post office closed for lunch has two), or always (a parcel locker open 24/7, InPost's
 * {@code location_247}). Kept as data, not as a carrier's sentence ("I-V 8-19"), so that a page can
 * write it in its reader's language.
 *
 * @param alwaysOpen true for a point open at every hour of every day; {@code week} is then empty
 * @param week       the periods of each day it opens, earliest first; a day not in it is a day it is closed
 */
public record OpeningHours(boolean alwaysOpen, Map<DayOfWeek, List<Period>> week) {

    public OpeningHours {
        Objects.requireNonNull(week, "week");
        if (alwaysOpen && !week.isEmpty()) {
            throw new IllegalArgumentException("a point open always has no periods, got " + week);
        }
        EnumMap<DayOfWeek, List<Period>> copy = new EnumMap<>(DayOfWeek.class);
        week.forEach((day, periods) -> {
            List<Period> sorted = new ArrayList<>(periods);
            sorted.sort(Comparator.comparing(Period::opens));
            for (int i = 1; i < sorted.size(); i++) {
                if (sorted.get(i - 1).endsAfter(sorted.get(i).opens())) {
                    throw new IllegalArgumentException("periods of " + day + " overlap: " + sorted);
                }
            }
            if (!sorted.isEmpty()) {
                copy.put(day, List.copyOf(sorted));
            }
        });
        week = Collections.unmodifiableMap(copy);
    }

    /** Open at every hour of every day: a parcel locker. */
    public static OpeningHours always() {
        return new OpeningHours(true, Map.of());
    }

    /** Open in these periods of these days, closed on the other days. */
    public static OpeningHours weekly(Map<DayOfWeek, List<Period>> week) {
        return new OpeningHours(false, week);
    }

    /** The periods it is open that day, earliest first; empty when it is closed all day (or always open: see {@link #alwaysOpen}). */
    public List<Period> on(DayOfWeek day) {
        return week.getOrDefault(day, List.of());
    }

    /**
     * One opening, in the point's local time.
     *
     * @param closes the time it closes; {@link LocalTime#MIDNIGHT} means at the end of the day (open until midnight)
     */
    public record Period(LocalTime opens, LocalTime closes) {

        public Period {
            Objects.requireNonNull(opens, "opens");
            Objects.requireNonNull(closes, "closes");
            if (!closesAtMidnight(closes) && !opens.isBefore(closes)) {
                throw new IllegalArgumentException("a period opens before it closes, got " + opens + "-" + closes);
            }
        }

        public static Period of(String opens, String closes) {
            return new Period(LocalTime.parse(opens), closes.equals("24:00") ? LocalTime.MIDNIGHT : LocalTime.parse(closes));
        }

        /** True when it is open until the end of the day. */
        public boolean untilMidnight() {
            return closesAtMidnight(closes);
        }

        private boolean endsAfter(LocalTime time) {
            return untilMidnight() || closes.isAfter(time);
        }

        private static boolean closesAtMidnight(LocalTime closes) {
            return closes.equals(LocalTime.MIDNIGHT);
        }
    }
}
