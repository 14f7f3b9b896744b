package io.stowage.api.trackpage;

import static org.assertj.core.api.Assertions.assertThat;

import io.stowage.api.dispatch.TrackingTokens;
import io.stowage.api.support.ApiTest;
import io.stowage.api.support.Eventually;
import io.stowage.api.support.ParcelNews;
import io.stowage.api.support.PhoneBrowser;
import io.stowage.carriers.tracking.OpeningHours;
import io.stowage.carriers.tracking.PickupPoint;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.time.format.TextStyle;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.core.env.Environment;

/**
 * The tracking page in a real browser (Debian's headless chromium on a phone-sized screen, see
 * {@link PhoneBrowser}) with the tracking data itself, in each of the five languages: one parcel of
 * an order waiting at a pickup point, the other stopped by an address problem, then the first
 * collected. Each language checks the events newest first in local time, the ETA and what it rests
 * on, the pickup point with its address, opening hours (the language's weekday names and clock) and
 * collect-by date, the flag with what to do (in words, not colour), the
 * "parcel 1 of 2" links, the return link once delivered and the privacy step (the city only until
 * the order's e-mail address or postal code is given), and that nothing on the page is left in
 * English: no English text of the page's own, no English date, none of the carrier's English words.
 * The expected words come from the page's bundles; the dates are written out here independently.
 * One browser for the whole story; each language speaks as its own client (its own X-Forwarded-For
 * from the trusted local proxy), so the rate limits of one visitor hold without waits.
 */
@Tag("slow")
class TrackPageBrowserTest extends ApiTest {

    private static final ZoneId VILNIUS = ZoneId.of("Europe/Vilnius");
    /** The carrier's own words for its scans and places (English, as the sandbox writes them). */
    private static final String AT_HUB = "Arrived at sorting hub";
    private static final String READY = "Ready for collection";
    private static final String NO_ADDRESS = "Address could not be found";
    private static final String COLLECTED = "Collected by recipient";
    private static final String HUB = "Vilnius hub";
    /** The post office the parcel waits at, as the carrier names it: closed for lunch on weekdays, on Saturday mornings only, never on Sunday. */
    private static final PickupPoint POST_OFFICE = new PickupPoint("LT-01103", "Vilniaus centrinis paštas", List.of("Gedimino pr. 7"),
            "LT-01103", "Vilnius", "LT", Optional.of(OpeningHours.weekly(Map.of(
                    DayOfWeek.MONDAY, weekday(), DayOfWeek.TUESDAY, weekday(), DayOfWeek.WEDNESDAY, weekday(),
                    DayOfWeek.THURSDAY, weekday(), DayOfWeek.FRIDAY, weekday(),
                    DayOfWeek.SATURDAY, List.of(OpeningHours.Period.of("09:00", "14:00"))))), Optional.empty());
    private static final String PICKUP_POINT = POST_OFFICE.name();
    private static final Pattern ENGLISH_DATE_WORDS = Pattern.compile("\\b(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
            + "|January|February|March|April|May|June|July|August|September|October|November|December"
            + "|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|AM|PM)\\b");

    @Autowired
    TrackingTokens trackingTokens;

    @Autowired
    MessageSource messages;

    @Autowired
    Environment environment;

    private WebDriver browser;

    @BeforeEach
    void startBrowser() {
        browser = PhoneBrowser.open("lt");
    }

    @AfterEach
    void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void aCustomerFollowsTheirTwoParcelsOnAPhoneInEachLanguage() {
        ShippedOrder order = ShippedOrder.create(this, trackingTokens);
        String waitingToken = order.tokens.get(0);
        String troubleToken = order.tokens.get(1);
        ParcelNews waiting = new ParcelNews(this, trackingNumber(waitingToken));
        Instant firstAtHub = waiting.scan("ARRIVED_AT_HUB", AT_HUB, HUB);
        Instant ready = waiting.scanAt("AT_PICKUP_POINT", READY, POST_OFFICE);
        ParcelNews trouble = new ParcelNews(this, trackingNumber(troubleToken));
        Instant secondAtHub = trouble.scan("ARRIVED_AT_HUB", AT_HUB, HUB);
        Instant problem = trouble.scan("ADDRESS_NOT_FOUND", NO_ADDRESS, HUB);
        Map<String, Object> atPoint = Eventually.until(() -> json(waitingToken),
                page -> "available_for_pickup".equals(page.get("status")) && page.get("eta") != null);
        Eventually.await(() -> json(troubleToken).get("flag") != null);
        LocalDate collectBy = LocalDate.parse((String) map(atPoint, "pickup_point").get("collect_by"));

        browser.manage().window().setSize(PhoneBrowser.SCREEN);
        open(waitingToken, "en", client());
        assertReadableHeader();

        for (String language : CustomerLanguages.SUPPORTED) {
            Locale locale = Locale.forLanguageTag(language);
            // A visitor of their own with the link: the parcel at the pickup point, the city only
            browser.manage().deleteAllCookies();
            assertEta(locale, openWhileTheEtaHolds(waitingToken, language));
            assertThat(text(".status-word")).isEqualTo(words(locale, "trackpage.status.available_for_pickup"));
            assertThat(text(".pickup-point h2")).isEqualTo(words(locale, "trackpage.pickup.heading"));
            assertThat(text(".pickup-point dd")).isEqualTo(PICKUP_POINT + "\n" + "Gedimino pr. 7, LT-01103 Vilnius");
            assertThat(browser.findElements(By.cssSelector(".pickup-point dt"))).extracting(WebElement::getText)
                    .containsExactly(words(locale, "trackpage.pickup.where"), words(locale, "trackpage.pickup.hours"),
                            words(locale, "trackpage.pickup.collect-by"));
            assertThat(browser.findElements(By.cssSelector(".opening-hours li"))).extracting(WebElement::getText)
                    .containsExactlyElementsOf(postOfficeHours(locale));
            assertThat(text(".collect-by")).isEqualTo(date(locale, collectBy));
            assertThat(text(".next-step")).isEqualTo(words(locale, "trackpage.next.available_for_pickup"));
            assertEvents(locale, ready, firstAtHub);
            assertThat(text(".parcel-count")).isEqualTo(words(locale, "trackpage.parcel.of", 1, 2));
            assertThat(text("ul.other-parcels a")).isEqualTo(words(locale, "trackpage.parcel.of", 2, 2));
            assertThat(browser.findElements(By.cssSelector("a.return-link"))).as("not delivered").isEmpty();
            assertPrivate(locale);
            assertInLanguage(locale);

            // The privacy step: a wrong answer is refused in the page's language, the e-mail or postal code opens the details
            answer("someone@example.com");
            // The click's answer is a new page; the old one stays "complete" until it is replaced, so wait for the refusal itself
            Eventually.await(() -> !browser.findElements(By.id("unlock-error")).isEmpty());
            assertThat(text("#unlock-error")).isEqualTo(words(locale, "trackpage.unlock.wrong"));
            assertPrivate(locale);
            answer(language.equals("lv") || language.equals("uk") ? "LT-" + ShippedOrder.POSTAL_CODE : ShippedOrder.EMAIL.toLowerCase(Locale.ROOT));
            Eventually.await(() -> !browser.findElements(By.cssSelector("dl.recipient")).isEmpty());
            assertLanguage(language);
            assertThat(text("dl.recipient")).contains(ShippedOrder.NAME, ShippedOrder.STREET, ShippedOrder.POSTAL_CODE + " Vilnius", order.orderNumber)
                    .contains(words(locale, "trackpage.details.recipient"), words(locale, "trackpage.details.address"));
            assertThat(text(".details h3")).isEqualTo(words(locale, "trackpage.details.lines"));
            assertThat(browser.findElements(By.cssSelector("ul.order-lines li"))).hasSize(2);
            assertInLanguage(locale);

            // "Parcel 1 of 2" links to the other parcel, in the same language and still open: the address problem
            browser.findElement(By.cssSelector("ul.other-parcels a")).click();
            Eventually.await(() -> browser.getCurrentUrl().contains(troubleToken));
            assertLanguage(language);
            assertThat(text(".parcel-count")).isEqualTo(words(locale, "trackpage.parcel.of", 2, 2));
            assertThat(text("ul.other-parcels a")).isEqualTo(words(locale, "trackpage.parcel.of", 1, 2));
            assertThat(text(".status-word")).isEqualTo(words(locale, "trackpage.status.exception"));
            WebElement flag = browser.findElement(By.cssSelector(".flag"));
            assertThat(flag.getAttribute("role")).isEqualTo("alert");
            // Said in words, not only in the flag's colour: what kind of trouble, why, and what to do
            assertThat(text(".flag-kind")).isEqualTo(words(locale, "trackpage.flag.exception"));
            assertThat(text(".flag-reason")).isEqualTo(words(locale, "trackpage.flag.reason.address"));
            assertThat(text(".flag-advice")).isEqualTo(words(locale, "trackpage.flag.exception.advice"));
            assertEvents(locale, problem, secondAtHub);
            assertThat(text("main")).as("the unlock holds for the whole order").contains(ShippedOrder.STREET);
            assertInLanguage(locale);
        }

        // Once collected: delivered, nothing left to estimate, and the way to return an item
        Instant collected = waiting.scan("COLLECTED", COLLECTED, PICKUP_POINT);
        Eventually.await(() -> "delivered".equals(json(waitingToken).get("status")));
        for (String language : CustomerLanguages.SUPPORTED) {
            Locale locale = Locale.forLanguageTag(language);
            browser.manage().deleteAllCookies();
            open(waitingToken, language, client());
            assertThat(text(".status-word")).isEqualTo(words(locale, "trackpage.status.delivered"));
            assertThat(text(".next-step")).isEqualTo(words(locale, "trackpage.next.delivered"));
            assertThat(browser.findElements(By.cssSelector(".eta, .pickup-point"))).isEmpty();
            WebElement returnLink = browser.findElement(By.cssSelector("a.return-link"));
            assertThat(returnLink.getText()).isEqualTo(words(locale, "trackpage.return"));
            assertThat(returnLink.getAttribute("href")).endsWith("/track/" + waitingToken + "/return");
            assertEvents(locale, collected, ready, firstAtHub);
            assertPrivate(locale);
            assertInLanguage(locale);
        }
    }

    /** Opens the parcel's page in the language as a visitor of its own, and checks the frame. */
    private void open(String token, String language, String client) {
        // The trusted local proxy's header names the client: each visitor has its own rate limits
        ((ChromeDriver) browser).executeCdpCommand("Network.enable", Map.of());
        ((ChromeDriver) browser).executeCdpCommand("Network.setExtraHTTPHeaders", Map.of("headers", Map.of("X-Forwarded-For", client)));
        browser.get("http://localhost:" + environment.getProperty("local.server.port") + "/track/" + token + "?lang=" + language);
        assertLanguage(language);
    }

    private void assertLanguage(String language) {
        Eventually.await(() -> language.equals(browser.findElement(By.tagName("html")).getAttribute("lang")));
        Locale locale = Locale.forLanguageTag(language);
        assertThat(browser.getTitle()).isEqualTo(words(locale, "trackpage.title", ShippedOrder.BRAND));
        assertThat(text("h1")).isEqualTo(words(locale, "trackpage.heading"));
        assertThat(browser.findElement(By.cssSelector("nav.languages a[aria-current='page']")).getAttribute("hreflang")).isEqualTo(language);
        assertFitsThePhone();
    }

    /**
     * Opens the page between two reads of its JSON that give the same ETAs, and answers that JSON: the
     * sandbox's own polls and webhooks may bring the carrier's estimate at any moment, and the page
     * must show the one it was rendered with.
     */
    private Map<String, Object> openWhileTheEtaHolds(String token, String language) {
        return Eventually.until(() -> {
            Map<String, Object> before = json(token);
            open(token, language, client());
            Map<String, Object> after = json(token);
            boolean held = Objects.equals(before.get("eta"), after.get("eta")) && Objects.equals(before.get("own_eta"), after.get("own_eta"));
            return held ? after : null;
        }, Objects::nonNull);
    }

    /** The ETA, a day or a range of days in the page's language, and what it rests on; Stowage's own beside the carrier's. */
    private void assertEta(Locale locale, Map<String, Object> page) {
        Map<String, Object> eta = map(page, "eta");
        assertThat(text(".eta")).isEqualTo(range(locale, eta));
        assertThat(text(".eta-basis")).isEqualTo(words(locale, "trackpage.eta.basis." + eta.get("basis")));
        Map<String, Object> own = map(page, "own_eta");
        if (own != null) {
            assertThat(text(".own-eta-dates")).isEqualTo(range(locale, own));
            assertThat(text(".own-eta-basis")).isEqualTo(words(locale, "trackpage.eta.basis." + own.get("basis")));
        }
    }

    /**
     * The newest events first, each at its local time in the destination's zone (named in the page's
     * language), with what happened in the page's language.
     */
    private void assertEvents(Locale locale, Instant... newestFirst) {
        List<WebElement> times = browser.findElements(By.cssSelector("ol.events li time"));
        assertThat(times.size()).isGreaterThanOrEqualTo(newestFirst.length);
        DateTimeFormatter local = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT).withLocale(locale).withZone(VILNIUS);
        for (int i = 0; i < newestFirst.length; i++) {
            assertThat(times.get(i).getAttribute("datetime")).isEqualTo(newestFirst[i].toString());
            assertThat(times.get(i).getText()).isEqualTo(local.format(newestFirst[i]));
        }
        List<Instant> all = times.stream().map(time -> Instant.parse(time.getAttribute("datetime"))).toList();
        assertThat(all).as("newest first").isSortedAccordingTo(java.util.Comparator.reverseOrder());
        assertThat(text("#events-heading + p")).isEqualTo(words(locale, "trackpage.events.zone", VILNIUS.getDisplayName(TextStyle.FULL, locale)));
    }

    /** The destination city only: no name, no street, no order, and the question in the page's language. */
    private void assertPrivate(Locale locale) {
        assertThat(text("main")).contains("Vilnius").doesNotContain(ShippedOrder.NAME, ShippedOrder.STREET);
        assertThat(text(".destination")).isEqualTo("Vilnius");
        assertThat(text("label[for='answer']")).isEqualTo(words(locale, "trackpage.unlock.label"));
        assertThat(text("form.unlock button")).isEqualTo(words(locale, "trackpage.unlock.submit"));
    }

    /**
     * Nothing on a page in another language is left in English: none of the pages' English texts
     * (where the language's differs), no English day or month, none of the carrier's English words
     * for its scans. The carrier's names of places (its hub, its pickup point) are shown as it gives them.
     */
    private void assertInLanguage(Locale locale) {
        if (locale.getLanguage().equals("en")) {
            return;
        }
        String shown = (text("main") + "\n" + text("footer") + "\n" + browser.getTitle()).replace(PICKUP_POINT, "").replace(HUB, "");
        Properties theirs = bundles(locale.getLanguage());
        bundles("en").forEach((key, value) -> {
            String english = (String) value;
            String translated = theirs.getProperty((String) key);
            // A carrier's name the language does not translate is the same in every language
            if (translated != null && !english.contains("{") && english.length() >= 4 && !english.equals(translated)) {
                assertThat(shown).as("%s's English text in %s", key, locale).doesNotContainPattern("\\b" + Pattern.quote(english) + "\\b");
            }
        });
        assertThat(shown).as("an English date in %s", locale).doesNotContainPattern(ENGLISH_DATE_WORDS);
        assertThat(shown).as("the carrier's English words in %s", locale).doesNotContain(AT_HUB, READY, NO_ADDRESS, COLLECTED);
    }

    private void answer(String answer) {
        WebElement field = browser.findElement(By.id("answer"));
        field.clear();
        field.sendKeys(answer);
        browser.findElement(By.cssSelector("form.unlock button[type='submit']")).click();
        Eventually.await(() -> "complete".equals(((JavascriptExecutor) browser).executeScript("return document.readyState")));
    }

    private void assertFitsThePhone() {
        JavascriptExecutor js = (JavascriptExecutor) browser;
        long viewport = ((Number) js.executeScript("return window.innerWidth")).longValue();
        long content = ((Number) js.executeScript("return document.documentElement.scrollWidth")).longValue();
        assertThat(viewport).as("the phone's viewport").isLessThanOrEqualTo(400);
        assertThat(content).as("no horizontal scrolling on %s", browser.getCurrentUrl()).isLessThanOrEqualTo(viewport);
    }

    /** The brand bar's text against its background (the merchant's yellow) reaches WCAG's 4.5:1. */
    private void assertReadableHeader() {
        JavascriptExecutor js = (JavascriptExecutor) browser;
        String background = (String) js.executeScript("return getComputedStyle(document.querySelector('.brand-bar')).backgroundColor");
        String foreground = (String) js.executeScript("return getComputedStyle(document.querySelector('.brand-name')).color");
        assertThat(background).isEqualTo("rgb(255, 212, 0)");
        assertThat(CustomerBrand.contrast(hex(background), hex(foreground))).isGreaterThanOrEqualTo(4.5);
    }

    private static String hex(String rgb) {
        String[] parts = rgb.replaceAll("[^0-9,]", "").split(",");
        return String.format("#%02x%02x%02x", Integer.parseInt(parts[0]), Integer.parseInt(parts[1]), Integer.parseInt(parts[2]));
    }

    private String words(Locale locale, String key, Object... arguments) {
        return messages.getMessage(key, arguments.length == 0 ? null : arguments, locale);
    }

    private static List<OpeningHours.Period> weekday() {
        return List.of(OpeningHours.Period.of("08:00", "12:00"), OpeningHours.Period.of("13:00", "18:00"));
    }

    /**
     * The post office's hours as the page's language writes them: its names of the days (the week from
     * Monday), its clock, its word for closed; days with the same hours on one line.
     */
    private List<String> postOfficeHours(Locale locale) {
        DateTimeFormatter clock = DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT).withLocale(locale);
        java.util.function.Function<Integer, String> at = hour -> clock.format(java.time.LocalTime.of(hour, 0));
        java.util.function.Function<DayOfWeek, String> day = weekday -> weekday.getDisplayName(TextStyle.FULL, locale);
        java.util.function.UnaryOperator<String> capital = text -> text.substring(0, 1).toUpperCase(locale) + text.substring(1);
        return List.of(
                capital.apply(day.apply(DayOfWeek.MONDAY)) + " – " + day.apply(DayOfWeek.FRIDAY) + ": "
                        + at.apply(8) + "–" + at.apply(12) + ", " + at.apply(13) + "–" + at.apply(18),
                capital.apply(day.apply(DayOfWeek.SATURDAY)) + ": " + at.apply(9) + "–" + at.apply(14),
                capital.apply(day.apply(DayOfWeek.SUNDAY)) + ": " + words(locale, "trackpage.pickup.closed"));
    }

    private static String date(Locale locale, LocalDate date) {
        return DateTimeFormatter.ofLocalizedDate(FormatStyle.FULL).withLocale(locale).format(date);
    }

    private static String range(Locale locale, Map<String, Object> eta) {
        LocalDate from = LocalDate.parse((String) eta.get("from"));
        LocalDate to = LocalDate.parse((String) eta.get("to"));
        return from.equals(to) ? date(locale, from) : date(locale, from) + " – " + date(locale, to);
    }

    private static Properties bundles(String language) {
        Properties all = new Properties();
        for (String bundle : List.of("customer", "trackpage")) {
            String name = "/messages/" + bundle + (language.equals("en") ? "" : "_" + language) + ".properties";
            try (InputStreamReader reader = new InputStreamReader(TrackPageBrowserTest.class.getResourceAsStream(name), StandardCharsets.UTF_8)) {
                all.load(reader);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return all;
    }

    /** A visitor's address as the local proxy names it: each its own, so one visitor's limits never meet another's. */
    private static String client() {
        return "198.51.100." + (1 + Math.floorMod(UUID.randomUUID().hashCode(), 250)) + "-" + UUID.randomUUID();
    }

    private Map<String, Object> json(String token) {
        return web.get().uri("/track/{token}.json", token).header("X-Forwarded-For", client()).exchange().expectStatus().isOk()
                .expectBody(new org.springframework.core.ParameterizedTypeReference<Map<String, Object>>() { }).returnResult().getResponseBody();
    }

    private String trackingNumber(String token) {
        return (String) map(json(token), "carrier").get("tracking_number");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Map<String, Object> page, String key) {
        return (Map<String, Object>) page.get(key);
    }

    private String text(String css) {
        return browser.findElement(By.cssSelector(css)).getText();
    }
}
