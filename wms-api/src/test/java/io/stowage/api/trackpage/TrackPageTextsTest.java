package io.stowage.api.trackpage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/**
 * The customer pages' words: every bundle has every English key, and every status, next step, ETA
 * basis, flag and kind of trouble the page may show has its words; and the kind of trouble is read
 * from tracking's English reasons, never passed on in English.
 */
class TrackPageTextsTest {

    private static final List<String> STATUSES = List.of("label_created", "in_transit", "out_for_delivery", "available_for_pickup", "delivered",
            "exception", "returned_to_sender");

    /** Every text but the carriers' own names, which are the same in every language unless a bundle says otherwise. */
    @Test
    void everyLanguageHasEveryText() throws Exception {
        for (String bundle : List.of("customer", "trackpage")) {
            List<String> english = file(bundle + ".properties").stringPropertyNames().stream()
                    .filter(key -> !key.startsWith("trackpage.carrier.") || key.equals("trackpage.carrier.link")).toList();
            for (String language : List.of("uk", "lt", "lv", "sl")) {
                assertThat(file(bundle + "_" + language + ".properties").stringPropertyNames()).as("%s in %s", bundle, language)
                        .containsAll(english);
            }
        }
    }

    @Test
    void everythingThePageMayShowHasItsWords() throws Exception {
        Properties english = file("trackpage.properties");
        for (String status : STATUSES) {
            assertThat(english).containsKeys("trackpage.status." + status, "trackpage.next." + status);
        }
        for (String basis : List.of("carrier", "lane_history", "transit_days")) {
            assertThat(english).containsKey("trackpage.eta.basis." + basis);
        }
        for (String flag : List.of("delayed", "exception")) {
            assertThat(english).containsKeys("trackpage.flag." + flag, "trackpage.flag." + flag + ".advice");
        }
        for (String reason : TroubleReasons.CODES) {
            assertThat(english).containsKey("trackpage.flag.reason." + reason);
        }
    }

    /** The sandbox's details (its demo journeys script the rate-card carriers' parcels too): each said in the page's words. */
    @Test
    void everyScanTheSandboxReportsHasItsWords() throws Exception {
        Properties english = file("trackpage.properties");
        for (String detail : List.of("label created, awaiting pickup", "picked up from the warehouse", "arrived at sorting hub", "departed sorting hub",
                "out for delivery", "delivered", "delivery attempt failed, recipient not available", "waiting at pickup point",
                "collected by recipient", "address not found", "returned to sender", "shipment cancelled before pickup",
                "handed in at a parcel shop")) {
            assertThat(english).containsKey(TrackingPageView.detailKey(detail));
        }
        assertThat(TrackingPageView.detailKey("delivery attempt failed, recipient not available"))
                .isEqualTo("trackpage.detail.delivery_attempt_failed_recipient_not_available");
        assertThat(TrackingPageView.detailKey("")).isNull();
    }

    @Test
    void theKindOfTroubleIsReadFromTrackingsReasons() {
        LocalDate promised = LocalDate.of(2026, 12, 7);
        assertThat(TroubleReasons.of("delayed", "in_transit", "not delivered by the promised date 2026-12-07", promised, null))
                .isEqualTo(TroubleReasons.LATE);
        assertThat(TroubleReasons.of("delayed", "in_transit", "expected between 2026-12-08 and 2026-12-09, after the promised date 2026-12-07",
                promised, LocalDate.of(2026, 12, 9))).isEqualTo(TroubleReasons.LATE);
        assertThat(TroubleReasons.of("delayed", "in_transit", "no carrier event for 52 hours; parcels on this lane are normally delivered within 40 hours",
                promised, LocalDate.of(2026, 12, 6))).isEqualTo(TroubleReasons.STALLED);
        assertThat(TroubleReasons.of("delayed", "in_transit", null, promised, LocalDate.of(2026, 12, 8))).isEqualTo(TroubleReasons.LATE);
        assertThat(TroubleReasons.of("delayed", "in_transit", null, null, LocalDate.of(2026, 12, 8))).isEqualTo(TroubleReasons.STALLED);
        assertThat(TroubleReasons.of("exception", "exception", "address not found: Address could not be found", null, null))
                .isEqualTo(TroubleReasons.ADDRESS);
        assertThat(TroubleReasons.of("exception", "exception", "Delivery attempt failed: recipient not home", null, null))
                .isEqualTo(TroubleReasons.FAILED_ATTEMPT);
        assertThat(TroubleReasons.of("exception", "returned_to_sender", "Address could not be found", null, null)).isEqualTo(TroubleReasons.RETURNED);
        assertThat(TroubleReasons.of("exception", "exception", "return to sender", null, null)).isEqualTo(TroubleReasons.RETURNED);
        assertThat(TroubleReasons.of("exception", "exception", "Parcel damaged", null, null)).isEqualTo(TroubleReasons.OTHER);
        assertThat(TroubleReasons.of("exception", "exception", null, null, null)).isEqualTo(TroubleReasons.OTHER);
    }

    private static Properties file(String name) throws Exception {
        Properties properties = new Properties();
        try (var in = TrackPageTextsTest.class.getResourceAsStream("/messages/" + name);
             var reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return properties;
    }
}
