package io.innercircle.web;

import io.innercircle.support.IntegrationTest;
import io.innercircle.support.TestBundles;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The map page's what-if mode and live changes in headless Chromium: a change goes into a scenario (the map's
 * version stays), the people it moves are listed and ringed on the map; another user's edit redraws the open page
 * without a reload and says who changed what.
 */
@Tag("slow")
class WhatIfBrowserTest extends IntegrationTest {

    private static final String ACCOUNT = "national-manufacturing";
    private static final String DEAL = ACCOUNT + "/customer-service-2027";

    private static Browser browser;

    @BeforeEach
    void courseExampleAndBrowser() {
        TestBundles.importBundle(http, "course-example.json");
        if (browser == null) {
            browser = Browser.start(port);
        }
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.close();
            browser = null;
        }
    }

    private void openMap() {
        browser.open("/app/#/map/" + URLEncoder.encode(DEAL, StandardCharsets.UTF_8));
        browser.waitUntil(d -> browser.js("return document.body.dataset.mapVersion || null") != null
                && browser.js("return document.body.dataset.ready || null") != null);
    }

    private long mapVersion() {
        return Long.parseLong((String) browser.js("return document.body.dataset.mapVersion"));
    }

    @Test
    void aWhatIfChangeIsShownAndRingedWithoutTouchingTheMap() {
        openMap();
        long version = mapVersion();
        browser.driver().findElement(By.id("what-if-toggle")).click();
        WebElement form = browser.waitUntil(d -> d.findElements(By.id("what-if-add")).stream().findFirst().orElse(null));
        new Select(form.findElement(By.name("kind"))).selectByVisibleText("status changes");
        new Select(form.findElement(By.name("person"))).selectByVisibleText("Sam Ortiz");
        new Select(form.findElement(By.name("status"))).selectByVisibleText("Neutral");
        form.findElement(By.cssSelector("button[type=submit]")).click();
        browser.waitUntil(d -> d.findElement(By.id("what-if")).getText().contains("Sam Ortiz: status NON_SUPPORTER → NEUTRAL"));
        assertThat(browser.driver().findElement(By.id("what-if-changes")).getText()).contains("Sam Ortiz: status NEUTRAL");
        assertThat(browser.js("return window.politicalMap.$id(arguments[0]).hasClass('what-if-changed')", ACCOUNT + "/deng"))
                .isEqualTo(true);
        assertThat(browser.js("return window.politicalMap.$id(arguments[0]).hasClass('what-if-changed')", ACCOUNT + "/svp"))
                .isEqualTo(false);
        assertThat(mapVersion()).as("the map itself is unchanged").isEqualTo(version);
        browser.clickPerson(ACCOUNT + "/deng");
        browser.waitUntil(d -> d.findElement(By.id("panel")).getText().contains("Sam Ortiz"));
        assertThat(browser.driver().findElements(By.cssSelector("#panel details.edit")))
                .as("the map's own edit forms while what-if is on").noneMatch(WebElement::isDisplayed);
        assertThat(browser.driver().findElement(By.id("add-person")).isDisplayed()).isFalse();
        browser.screenshot("what-if");
    }

    @Test
    void anotherUsersEditRedrawsTheOpenPageAndSaysWhoChangedWhat() {
        openMap();
        long version = mapVersion();
        as("randy").graphQl().document("mutation { updateStakeholder(input: {id: \"" + ACCOUNT
                + "/pmm\", title: \"VP Product Marketing\"}) { stakeholder { id } } }").execute().errors().verify();
        browser.waitUntil(d -> mapVersion() > version);
        assertThat(browser.driver().findElement(By.id("status")).getText()).startsWith("randy changed")
                .contains("Terry Quinn");
    }
}
