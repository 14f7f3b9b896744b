package io.stowage.api.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.ResourceBundle;
import org.junit.jupiter.api.Test;

/** Every notice in every language: each bundle has every English key, and the words are the language's own. */
class NoticeTextsTest {

    private static final NoticeFacts.PickupPoint POINT = new NoticeFacts.PickupPoint("Omniva paštomatas <Akropolis>",
            "Ozo g. 25, Vilnius", "Mon-Sun 06:00-23:00", LocalDate.of(2026, 12, 11));

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
                    assertThat(notice.text()).contains("Ozo g. 25, Vilnius", "Mon-Sun 06:00-23:00", collectBy);
                    assertThat(notice.html()).contains("&lt;Akropolis&gt;");
                }
            }
        }
        assertThat(NoticeTexts.write("uk", facts(NoticeKind.SHIPPED)).text()).contains("4 грудня 2026");
        assertThat(NoticeTexts.write("lt", facts(NoticeKind.SHIPPED)).text()).contains("2026 m. gruodžio 4 d.");
        assertThat(NoticeTexts.write("en", facts(NoticeKind.DELAYED)).text()).contains("December 7, 2026", "will not arrive by the date we promised");
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
