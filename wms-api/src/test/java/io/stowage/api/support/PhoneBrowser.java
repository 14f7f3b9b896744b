package io.stowage.api.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * A real browser for the customer pages' tests: Debian's chromium, headless, driven through Debian's
 * chromedriver (never a driver download), on a phone-sized screen, asking for pages in one language.
 * Without the browser a test is skipped on a developer's machine and fails under CI ({@code CI=true}),
 * where {@code .ci/run} installs it. The caller quits the browser it opened.
 */
public final class PhoneBrowser {

    public static final String CHROMIUM = "/usr/bin/chromium";
    public static final String CHROMEDRIVER = "/usr/bin/chromedriver";
    /** A small phone's screen in CSS pixels. */
    public static final Dimension SCREEN = new Dimension(375, 667);

    private PhoneBrowser() {
    }

    /** Opens the browser with {@code language} first in its preferences (then English), or skips the test without one. */
    public static WebDriver open(String language) {
        boolean present = new File(CHROMIUM).canExecute() && new File(CHROMEDRIVER).canExecute();
        if (!present) {
            assertThat("true".equalsIgnoreCase(System.getenv("CI")))
                    .as("CI runs the browser tests: .ci/run installs chromium and chromium-driver (%s, %s)", CHROMIUM, CHROMEDRIVER)
                    .isFalse();
            Assumptions.abort("chromium and chromium-driver are not installed: apt-get install -y chromium chromium-driver");
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--window-size=" + SCREEN.getWidth() + "," + SCREEN.getHeight(), "--lang=" + language);
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", language + ",en"));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File(CHROMEDRIVER)).usingAnyFreePort().build();
        WebDriver browser = new ChromeDriver(service, options);
        browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
        return browser;
    }
}
