package io.stowage.api.trackpage;

import static org.assertj.core.api.Assertions.assertThat;

import io.stowage.api.dispatch.TrackingTokens;
import io.stowage.api.support.ApiTest;
import io.stowage.api.support.PhoneBrowser;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;

/**
 * The tracking page in a real browser: Debian's chromium, headless, driven through Debian's
 * chromedriver (never a driver download), on a phone-sized screen. It starts in the browser's
 * language, goes through all five with the switcher, answers the privacy question wrongly and then
 * rightly, and follows the link to the order's other parcel. Without the browser the test is skipped
 * on a developer's machine and fails under CI ({@code CI=true}), where {@code .ci/run} installs it.
 */
@Tag("slow")
class TrackPageBrowserTest extends ApiTest {

    /** Per language: the page's heading, "parcel 1 of 2", the privacy form's button, the wrong-answer message. */
    private static final Map<String, List<String>> TEXTS = Map.of(
            "en", List.of("Where is my parcel?", "1 of 2", "Show details", "That is not the order's e-mail address or postal code."),
            "uk", List.of("Де моя посилка?", "1 з 2", "Показати дані", "Це не електронна пошта і не поштовий індекс цього замовлення."),
            "lt", List.of("Kur mano siunta?", "1 iš 2", "Rodyti duomenis", "Tai nėra šio užsakymo el. pašto adresas ar pašto kodas."),
            "lv", List.of("Kur ir mans sūtījums?", "1 no 2", "Rādīt datus", "Tā nav šī pasūtījuma e-pasta adrese vai pasta indekss."),
            "sl", List.of("Kje je moja pošiljka?", "1 od 2", "Prikaži podatke", "To ni e-poštni naslov ali poštna številka tega naročila."));

    @Autowired
    TrackingTokens trackingTokens;

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
    void aCustomerReadsTheirParcelOnAPhoneInEachLanguageAndOpensTheDetailsWithTheirEmail() {
        ShippedOrder order = ShippedOrder.create(this, trackingTokens);
        String base = "http://localhost:" + environment.getProperty("local.server.port");
        browser.manage().window().setSize(PhoneBrowser.SCREEN);
        browser.get(base + "/track/" + order.tokens.get(0));

        // The browser's language first
        assertLanguage("lt");
        assertFitsThePhone();
        assertReadableHeader();

        // The switcher, to each language in turn, and back to the browser's
        for (String language : List.of("uk", "lv", "sl", "en", "lt")) {
            browser.findElement(By.cssSelector("nav.languages a[hreflang='" + language + "']")).click();
            assertLanguage(language);
            assertFitsThePhone();
            assertThat(browser.findElement(By.cssSelector("nav.languages a[aria-current='page']")).getAttribute("hreflang")).isEqualTo(language);
        }

        // The chosen language stays with the next page: the order's other parcel
        browser.findElement(By.cssSelector("nav.languages a[hreflang='sl']")).click();
        assertLanguage("sl");
        assertThat(text("main")).doesNotContain(ShippedOrder.STREET, ShippedOrder.NAME).contains("Vilnius");

        // The privacy step: a wrong answer is refused in the page's language, the e-mail opens the details
        answer("someone@example.com");
        assertThat(browser.findElement(By.cssSelector("[role='alert']")).getText()).isEqualTo(TEXTS.get("sl").get(3));
        assertLanguage("sl");
        assertThat(text("main")).doesNotContain(ShippedOrder.STREET);
        answer(ShippedOrder.EMAIL.toLowerCase(java.util.Locale.ROOT));
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("dl.recipient")));
        assertThat(text("main")).contains(ShippedOrder.STREET, ShippedOrder.NAME, order.orderNumber);
        assertFitsThePhone();

        browser.findElement(By.cssSelector("ul.other-parcels a")).click();
        assertLanguage("sl");
        assertThat(text(".parcel-count")).isEqualTo("2 od 2");
        assertThat(text("main")).as("the unlock holds for the whole order").contains(ShippedOrder.STREET);

        // Another visitor (no cookies) sees the city only
        browser.manage().deleteAllCookies();
        browser.get(base + "/track/" + order.tokens.get(1) + "?lang=uk");
        assertLanguage("uk");
        assertThat(text(".parcel-count")).isEqualTo("2 з 2");
        assertThat(text("main")).doesNotContain(ShippedOrder.STREET, ShippedOrder.NAME).contains("Vilnius");
    }

    private void answer(String answer) {
        WebElement field = browser.findElement(By.id("answer"));
        field.clear();
        field.sendKeys(answer);
        browser.findElement(By.cssSelector("form.unlock button[type='submit']")).click();
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(driver -> "complete".equals(
                ((JavascriptExecutor) driver).executeScript("return document.readyState")));
    }

    private void assertLanguage(String language) {
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(driver -> language.equals(
                driver.findElement(By.tagName("html")).getAttribute("lang")));
        List<String> texts = TEXTS.get(language);
        assertThat(text("h1")).isEqualTo(texts.get(0));
        assertThat(text(".parcel-count")).matches("\\d+ " + texts.get(1).split(" ")[1] + " 2");
        if (!browser.findElements(By.cssSelector("form.unlock")).isEmpty()) {
            assertThat(text("form.unlock button")).isEqualTo(texts.get(2));
        }
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

    private String text(String css) {
        return browser.findElement(By.cssSelector(css)).getText();
    }
}
