package io.stowage.api.trackpage;

import io.stowage.api.tracking.DestinationZones;
import io.stowage.api.tracking.PickupHours;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;

/**
 * The tracking page as its template reads it: the page's data with every date and time written out
 * in the visitor's language, times in the destination's zone, the pickup point's opening hours by
 * runs of days (Monday first, the language's weekday names and times), and the message keys of the
 * status, the next step and the ETA's basis.
 */
record TrackingPageView(TrackingPage page, String statusKey, String nextKey, String eta, String etaBasisKey, String ownEta,
                        String ownEtaBasisKey, String promisedOn, List<EventView> events, String timeZoneName, String collectBy,
                        List<PickupHours.Run> pickupHours, String flagKey, String flagReasonKey, String flagAdviceKey) {

    /**
     * One event: its instant for {@code <time datetime>}, its local time in words, its status's key (null: none),
     * and the key of what happened ({@code trackpage.detail.<detail>}, null when the carrier gave no detail). The
     * carrier's own text is in its language, not the page's: the page shows it only in English and where
     * the bundles have no words for the detail.
     */
    record EventView(String isoTime, String localTime, String statusKey, String detailKey, String description, String location) {
    }

    static TrackingPageView of(TrackingPage page, Locale locale) {
        ZoneId zone = ZoneId.of(page.timeZone());
        DateTimeFormatter dates = DateTimeFormatter.ofLocalizedDate(FormatStyle.FULL).withLocale(locale);
        DateTimeFormatter times = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT).withLocale(locale).withZone(zone);
        List<EventView> events = page.events().stream().map(event -> new EventView(event.occurredAt().toString(), times.format(event.occurredAt()),
                event.status() == null ? null : "trackpage.status." + event.status(), detailKey(event.detail()), event.description(),
                event.location())).toList();
        TrackingPage.Flag flag = page.flag();
        return new TrackingPageView(page, "trackpage.status." + page.status(), "trackpage.next." + page.status(),
                range(dates, page.eta()), basisKey(page.eta()), range(dates, page.ownEta()), basisKey(page.ownEta()),
                format(dates, page.promisedOn()), events,
                DestinationZones.nameOf(zone, locale),
                page.pickupPoint() == null ? null : format(dates, page.pickupPoint().collectBy()),
                page.pickupPoint() == null || page.pickupPoint().openingHours() == null ? List.of() : page.pickupPoint().openingHours().runs(locale),
                flag == null ? null : "trackpage.flag." + flag.kind(),
                flag == null ? null : "trackpage.flag.reason." + flag.reasonCode(),
                flag == null ? null : "trackpage.flag." + flag.kind() + ".advice");
    }

    /** A day, or a range of days with an en dash: "Friday, 4 December 2026 – Monday, 7 December 2026". */
    private static String range(DateTimeFormatter dates, TrackingPage.Eta eta) {
        if (eta == null) {
            return null;
        }
        return eta.from().equals(eta.to()) ? dates.format(eta.from()) : dates.format(eta.from()) + " – " + dates.format(eta.to());
    }

    /** {@code trackpage.detail.arrived_at_sorting_hub} for "arrived at sorting hub"; null for no detail. */
    static String detailKey(String detail) {
        String slug = detail == null ? "" : detail.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_").replaceAll("^_|_$", "");
        return slug.isEmpty() ? null : "trackpage.detail." + slug;
    }

    private static String basisKey(TrackingPage.Eta eta) {
        return eta == null ? null : "trackpage.eta.basis." + eta.basis();
    }

    private static String format(DateTimeFormatter dates, LocalDate date) {
        return date == null ? null : dates.format(date);
    }
}
