package io.stowage.api.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import io.stowage.api.tracking.PickupHours;
import io.stowage.carriers.tracking.OpeningHours;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.ResourceBundle;
import org.junit.jupiter.api.Test;

/** Every notice in every language: each bundle has every English key, and the words are the language's own. */
class NoticeTextsTest {

    private static final PickupHours POST_OFFICE_HOURS = PickupHours.of(OpeningHours.weekly(Map.of(
            DayOfWeek.MONDAY, List.of(OpeningHours.Period.of("08:00", "19:00")),
            DayOfWeek.TUESDAY, List.of(OpeningHours.Period.of("08:00", "19:00")),
            DayOfWeek.WEDNESDAY, List.of(OpeningHours.Period.of("08:00", "19:00")),
            DayOfWeek.THURSDAY, List.of(OpeningHours.Period.of("08:00", "19:00")),
            DayOfWeek.FRIDAY, List.of(OpeningHours.Period.of("08:00", "19:00")),
            DayOfWeek.SATURDAY, List.of(OpeningHours.Period.of("09:00", "13:00"), OpeningHours.Period.of("14:00", "16:00")))));
    private static final NoticeFacts.PickupPoint POINT = new NoticeFacts.PickupPoint("Omniva paštomatas <Akropolis>",
            "Ozo g. 25, Vilnius", POST_OFFICE_HOURS, LocalDate.of(2026, 12, 11));
    /** The post office's hours as each language writes them: its weekday names and clock, its word for closed. */
    private static final Map<String, String> HOURS_IN_WORDS = Map.of(
            "en", "Monday – Friday: " + time("en", 8) + "–" + time("en", 19) + "; Saturday: " + time("en", 9) + "–" + time("en", 13)
                    + ", " + time("en", 14) + "–" + time("en", 16) + "; Sunday: closed",
            "uk", "Понеділок – пʼятниця: 08:00–19:00; Субота: 09:00–13:00, 14:00–16:00; Неділя: вихідний",
            "lt", "Pirmadienis – penktadienis: 08:00–19:00; Šeštadienis: 09:00–13:00, 14:00–16:00; Sekmadienis: nedirba",
            "lv", "Pirmdiena – piektdiena: 08:00–19:00; Sestdiena: 09:00–13:00, 14:00–16:00; Svētdiena: slēgts",
            "sl", "Ponedeljek – petek: 08:00–19:00; Sobota: 09:00–13:00, 14:00–16:00; Nedelja: zaprto");

    @Test
    void everyLanguageHasEveryText() throws Exception {
        Properties english = file("notices.properties");
        for (String language : List.of("uk", "lt", "lv", "sl")) {
            Properties own = file("notices_" + language + ".properties");
            assertThat(own.stringPropertyNames()).as(language).containsExactlyInAnyOrderElementsOf(english.stringPropertyNames());
            assertThat(bundle(language).getLocale().getLanguage()).as(language).isEqualTo(language);
        }
    }

    private static Properties file(String name) throws Exception {
        Properties properties = new Properties();
        try (var in = NoticeTextsTest.class.getResourceAsStream("/messages/" + name);
             var reader = new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return properties;
    }

    @Test
    void everyKindIsWrittenInEachLanguageWithItsDatesAndTheLinkInBothParts() {
        for (String language : List.of("en", "uk", "lt", "lv", "sl")) {
            for (NoticeKind kind : NoticeKind.values()) {
                NoticeTexts.Notice notice = NoticeTexts.write(language, facts(kind));
                assertThat(notice.language()).isEqualTo(language);
                assertThat(notice.subject()).contains("AL-1042");
                assertThat(notice.sms()).contains("AL-1042").doesNotContain("{");
                assertThat(notice.text()).contains("Ona", "Shop & Co").doesNotContain("{");
                assertThat(notice.html()).contains("<html lang=\"" + language + "\">", "Shop &amp; Co").doesNotContain("Shop & Co");
                if (kind != NoticeKind.ORDER_CONFIRMED) {
                    assertThat(notice.text()).contains("https://wms.example.com/track/abc?x=1&y=2");
                    assertThat(notice.html()).contains("href=\"https://wms.example.com/track/abc?x=1&amp;y=2\"");
                }
                if (kind == NoticeKind.READY_FOR_PICKUP) {
                    String collectBy = java.time.format.DateTimeFormatter.ofLocalizedDate(java.time.format.FormatStyle.LONG)
                            .withLocale(Locale.forLanguageTag(language)).format(POINT.collectBy());
                    assertThat(notice.text()).contains("Ozo g. 25, Vilnius", HOURS_IN_WORDS.get(language), collectBy);
                    assertThat(notice.html()).contains("&lt;Akropolis&gt;");
                }
            }
        }
        assertThat(NoticeTexts.write("uk", facts(NoticeKind.SHIPPED)).text()).contains("4 грудня 2026");
        assertThat(NoticeTexts.write("lt", facts(NoticeKind.SHIPPED)).text()).contains("2026 m. gruodžio 4 d.");
        assertThat(NoticeTexts.write("en", facts(NoticeKind.DELAYED)).text()).contains("December 7, 2026", "will not arrive by the date we promised");
    }

    @Test
    void aLockerOpenAlwaysSaysSoInEachLanguage() {
        NoticeFacts.PickupPoint locker = new NoticeFacts.PickupPoint("Paštomatas", null, PickupHours.of(OpeningHours.always()), null);
        Map<String, String> words = Map.of("en", "open 24 hours, every day", "uk", "цілодобово, без вихідних", "lt", "visą parą, kasdien",
                "lv", "visu diennakti, katru dienu", "sl", "24 ur na dan, vse dni");
        words.forEach((language, always) -> assertThat(NoticeTexts.write(language, new NoticeFacts(NoticeKind.READY_FOR_PICKUP, "Ona", "Shop",
                "AL-7", LocalDate.of(2026, 12, 4), List.of(), "sandbox", "SBX1", null, null, null, locker)).text()).as(language).contains(always));
    }

    private static String time(String language, int hour) {
        return DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT).withLocale(Locale.forLanguageTag(language)).format(LocalTime.of(hour, 0));
    }

    @Test
    void withoutATrackingPageTheTextMessageNamesTheCarriersNumber() {
        NoticeFacts noPage = new NoticeFacts(NoticeKind.OUT_FOR_DELIVERY, "Ona", "Shop", "AL-7", LocalDate.of(2026, 12, 4), List.of(),
                "omniva", "CC123LT", null, null, null, null);
        NoticeTexts.Notice notice = NoticeTexts.write("lv", noPage);
        assertThat(notice.sms()).contains("CC123LT").doesNotContain("null");
        assertThat(notice.html()).doesNotContain("href");
    }

    @Test
    void aLanguageTagIsReadForItsLanguageAndAnyOtherGetsEnglish() {
        assertThat(NoticeTexts.language("uk-UA")).isEqualTo("uk");
        assertThat(NoticeTexts.language("LT")).isEqualTo("lt");
        assertThat(NoticeTexts.language("de")).isEqualTo("en");
        assertThat(NoticeTexts.language(null)).isEqualTo("en");
    }

    private static NoticeFacts facts(NoticeKind kind) {
        return new NoticeFacts(kind, "Ona", "Shop & Co", "AL-1042", LocalDate.of(2026, 12, 4),
                List.of(new NoticeFacts.Item("TEE-M-NAVY", 2)), "omniva", "CC123LT", kind == NoticeKind.ORDER_CONFIRMED ? null
                        : "https://wms.example.com/track/abc?x=1&y=2", LocalDate.of(2026, 12, 7), "late", POINT);
    }

    private static ResourceBundle bundle(String language) {
        return ResourceBundle.getBundle("messages.notices", Locale.forLanguageTag(language),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }
}
