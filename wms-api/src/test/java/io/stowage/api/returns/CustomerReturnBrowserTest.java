package io.stowage.api.returns;

import static org.assertj.core.api.Assertions.assertThat;

import io.stowage.api.dispatch.TrackingTokens;
import io.stowage.api.support.ApiTest;
import io.stowage.api.support.PhoneBrowser;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;

/**
 * The return page in a real browser (Debian's chromium, headless, through Debian's chromedriver) on a
 * phone-sized screen, in Latvian: the customer answers the privacy question with the postal code,
 * returns one tee, exchanges the other for size L, and sees the RMA with the label's links and the
 * drop-off QR code as an image the browser loaded. Skipped without the browser, except under CI.
 */
@Tag("slow")
class CustomerReturnBrowserTest extends ApiTest {

    @Autowired
    TrackingTokens tokens;

    @Autowired
    Environment environment;

    private WebDriver browser;

    @BeforeEach
    void startBrowser() {
        browser = PhoneBrowser.open("lv");
    }

    @AfterEach
    void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void aCustomerReturnsATeeAndExchangesAnotherOnAPhone() {
        ReturnableOrder shipped = ReturnableOrder.shipped(this, tokens);
        String base = "http://localhost:" + environment.getProperty("local.server.port");
        browser.manage().window().setSize(PhoneBrowser.SCREEN);
        browser.get(base + "/track/" + shipped.token + "/return");

        assertThat(text("h1")).isEqualTo("Atgriezt preci");
        assertThat(text("main")).doesNotContain("TEE-M-NAVY");
        WebElement answer = browser.findElement(By.id("answer"));
        answer.sendKeys(ReturnableOrder.POSTAL_CODE);
        browser.findElement(By.cssSelector("form.unlock button[type='submit']")).click();
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("form.return-form")));
        assertFitsThePhone();

        new Select(browser.findElement(By.id("quantity_0"))).selectByValue("1");
        new Select(browser.findElement(By.id("reason_0"))).selectByValue("changed_mind");
        new Select(browser.findElement(By.id("quantity_1"))).selectByValue("1");
        new Select(browser.findElement(By.id("reason_1"))).selectByValue("wrong_size");
        Select exchange = new Select(browser.findElement(By.id("exchange_1")));
        assertThat(exchange.getOptions()).extracting(WebElement::getText).containsExactly("Atmaksāt naudu", "Apmainīt pret Linen tee L Navy");
        exchange.selectByValue("TEE-L-NAVY");
        browser.findElement(By.cssSelector("form.return-form button[type='submit']")).click();

        new WebDriverWait(browser, Duration.ofSeconds(60)).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("dd.rma")));
        assertThat(text("h1")).isEqualTo("Jūsu atgriešana ir reģistrēta");
        assertThat(text("dd.rma")).matches("RMA-[A-Z0-9]{10}");
        assertThat(browser.findElement(By.cssSelector("a.label-pdf")).getAttribute("href")).endsWith("/label?format=pdf");
        WebElement qr = browser.findElement(By.cssSelector("img.drop-off-qr"));
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(driver -> ((Number) ((JavascriptExecutor) driver)
                .executeScript("return arguments[0].complete ? arguments[0].naturalWidth : 0", qr)).intValue() > 0);
        assertThat(text("main")).contains("apmaiņa pret TEE-L-NAVY");
        assertFitsThePhone();
    }

    private void assertFitsThePhone() {
        JavascriptExecutor js = (JavascriptExecutor) browser;
        long viewport = ((Number) js.executeScript("return window.innerWidth")).longValue();
        long content = ((Number) js.executeScript("return document.documentElement.scrollWidth")).longValue();
        assertThat(content).as("no horizontal scrolling on %s", browser.getCurrentUrl()).isLessThanOrEqualTo(viewport);
    }

    private String text(String css) {
        return browser.findElement(By.cssSelector(css)).getText();
    }
}
