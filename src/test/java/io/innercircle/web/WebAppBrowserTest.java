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

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The web app in headless Chromium against the running app and a real Neo4j, on the course example: what a rep
 * sees on the map, an edit that survives a reload, the path highlight, the charts, the exports and GraphiQL.
 * One browser for all the tests (each Chromium start costs seconds); screenshots go to target/screenshots.
 */
@Tag("slow")
class WebAppBrowserTest extends IntegrationTest {

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

    @Test
    void theCourseExampleMapShowsItsPeopleLinesAndBadges() {
        browser.open("/");
        browser.waitForPage();
        browser.screenshot("accounts");
        browser.driver().findElement(By.linkText("Worldwide customer service system")).click();
        waitForMap();

        assertThat(strings("return window.politicalMap.nodes().map(n => n.data('name')).sort()")).containsExactly(
                "Alex Park", "Chris Hale", "Dana Wells", "Jo Rivera", "Kim Novak", "Lee Chen", "Morgan Blake",
                "Pat Morgan", "Robin Shah", "Sam Ortiz", "Terry Quinn");
        assertThat(count("edge[kind = 'reports']")).isEqualTo(9);
        assertThat(count("edge[kind = 'influence']")).isEqualTo(9);
        assertThat(count("edge[kind = 'conflict']")).isEqualTo(1);
        assertThat(browser.js("return window.politicalMap.$id('influence:" + ACCOUNT + "/dis>" + ACCOUNT
                + "/deng').connectedNodes().length")).isEqualTo(2L);

        // Badges: roles, adaptability letter, status symbol; ☆ marks a computed Inner Circle candidate.
        assertThat(badges("dis")).isEqualTo("E | I | + ☆");
        assertThat(badges("deng")).isEqualTo("D | C | –");
        assertThat(badges("mfg")).isEqualTo("U E | C | X");
        assertThat(badges("cons")).isEqualTo("· | P | ? ☆");
        assertThat(browser.js("return window.politicalMap.$id('" + ACCOUNT + "/dis').data('coverage')"))
                .isEqualTo("IN_DEPTH");
        // Drawn as the screen shows them: a top-down org chart, stronger influence as a thicker arrow,
        // the conflict dashed, candidates outlined.
        assertThat(y("svp")).isLessThan(y("deng"));
        assertThat(y("deng")).isLessThan(y("rnd"));
        assertThat(width(ACCOUNT + "/dis>" + ACCOUNT + "/svp")).isGreaterThan(width(ACCOUNT + "/sys>" + ACCOUNT + "/dis"));
        assertThat(browser.js("return window.politicalMap.edges(\"[kind = 'conflict']\").style('line-style')"))
                .isEqualTo("dashed");
        assertThat(browser.js("return window.politicalMap.$id('" + ACCOUNT + "/dis').style('outline-style')"))
                .isEqualTo("dashed");
        assertEverythingCameFromTheApp();
        browser.screenshot("map");

        // A person's details: the reasons behind their computed influence and their relationship strategy.
        clickPerson("dis");
        WebElement panel = waitForPanel("Dana Wells");
        assertThat(panel.findElement(By.id("computed-influence")).getText()).contains("Inner Circle candidate");
        assertThat(panel.findElements(By.cssSelector("#reasons li"))).isNotEmpty();
        assertThat(panel.findElement(By.id("reasons")).getText()).contains("Pat Morgan");
        assertThat(panel.findElement(By.id("strategy")).getText()).contains("Leverage");
        browser.screenshot("person");

        // The target: the decision maker. Dana's line runs along her conflict with him and Chris is an enemy, so
        // the best route from our allies is Kim Novak's.
        clickPerson("deng");
        panel = waitForPanel("Sam Ortiz");
        assertThat(panel.findElement(By.id("strategy")).getText()).contains("Neutralize");
        panel.findElement(By.id("best-path")).click();
        browser.waitUntil(d -> !d.findElement(By.id("path-result")).getText().isEmpty());
        assertThat(browser.driver().findElement(By.id("path-result")).getText()).contains("Kim Novak → Sam Ortiz");
        assertThat(strings("return window.politicalMap.elements('.on-path').map(e => e.id())")).containsExactlyInAnyOrder(
                ACCOUNT + "/deng", ACCOUNT + "/rnd", "influence:" + ACCOUNT + "/rnd>" + ACCOUNT + "/deng");
        assertThat(count(".faded")).isGreaterThan(20);
        browser.screenshot("path");

        // The toolbar links to the printable opportunity plan, served by the app.
        String plan = browser.driver().findElement(By.id("to-plan")).getAttribute("href");
        assertThat(plan).endsWith("/opportunities/" + DEAL + "/plan");
        browser.driver().get(plan);
        browser.waitUntil(d -> d.getPageSource().contains("Worldwide customer service system"));
        browser.screenshot("plan");
    }

    @Test
    void editsMadeInThePageAreSavedThroughTheApi() {
        openMap();
        long version = mapVersion();
        browser.driver().findElement(By.id("add-person")).click();
        WebElement form = browser.driver().findElement(By.id("add-person-form"));
        form.findElement(By.name("name")).sendKeys("Ray Fox");
        form.findElement(By.name("title")).sendKeys("CFO");
        form.findElement(By.name("department")).sendKeys("Finance");
        choose(form, "reportsTo", "Pat Morgan");
        choose(form, "rank", "4");
        choose(form, "adaptability", "Pragmatist");
        version = submit(form, version);

        // Roles and status, coverage, an influence line and a conflict line, each one mutation.
        form = personForm("Ray Fox", "edit-involvement");
        form.findElement(By.cssSelector("input[value=APPROVER]")).click();
        choose(form, "status", "+ Supporter");
        version = submit(form, version);

        form = personForm("Ray Fox", "edit-coverage");
        choose(form, "teamMember", "Randy");
        choose(form, "coverage", "In depth");
        version = submit(form, version);

        // The rep's own judgement: Ray is in the Inner Circle (★, a gold ring), whatever the graph says.
        form = personForm("Ray Fox", "edit-person");
        choose(form, "innerCircle", "yes");
        version = submit(form, version);

        form = personForm("Ray Fox", "add-influence");
        choose(form, "to", "Pat Morgan");
        choose(form, "strength", "strong");
        version = submit(form, version);

        // A conflict drawn by clicking: the button, then the other person on the map.
        waitForPanel("Ray Fox").findElement(By.id("draw-conflict")).click();
        clickPerson("mfg");
        version = waitForMapVersionAbove(version);

        // Remove a line: Alex Park's weak line to Dana.
        clickPerson("sys");
        waitForPanel("Alex Park").findElement(By.cssSelector("#lines .remove-line[data-kind=influence]")).click();
        version = waitForMapVersionAbove(version);

        // A refused edit shows the API's reason and changes nothing.
        clickPerson("svp");
        form = personForm("Pat Morgan", "edit-person");
        choose(form, "reportsTo", "Ray Fox");
        form.findElement(By.cssSelector("button[type=submit]")).click();
        browser.waitUntil(d -> d.findElement(By.id("status")).getText().contains("cycle"));
        assertThat(browser.driver().findElement(By.id("status")).getText()).startsWith("manager:");
        assertThat(mapVersion()).isEqualTo(version);

        // After a reload the map shows every change: it came back from the database.
        browser.driver().navigate().refresh();
        waitForMap();
        String ray = ACCOUNT + "/ray-fox";
        assertThat(badges("ray-fox")).isEqualTo("A | P | + ★");
        assertThat(browser.js("return window.politicalMap.$id('" + ray + "').style('outline-style')")).isEqualTo("solid");
        assertThat(browser.js("return window.politicalMap.$id('" + ray + "').data('coverage')")).isEqualTo("IN_DEPTH");
        assertThat(browser.js("return window.politicalMap.$id('reports:" + ray + "').source().id()"))
                .isEqualTo(ACCOUNT + "/svp");
        assertThat(browser.js("return window.politicalMap.$id('influence:" + ray + ">" + ACCOUNT + "/svp').data('strength')"))
                .isEqualTo(3L);
        assertThat(count("edge[kind = 'conflict'][source = '" + ray + "'], edge[kind = 'conflict'][target = '" + ray + "']"))
                .isEqualTo(1);
        assertThat(browser.js("return window.politicalMap.$id(arguments[0]).length",
                "influence:" + ACCOUNT + "/sys>" + ACCOUNT + "/dis")).isEqualTo(0L);
        browser.screenshot("map-edited");

        // And the API, asked directly, agrees.
        graphQl.document("{ stakeholder(id: \"" + ray + "\") { title reportsTo { key } influences { to { key } strength }"
                        + " involvements { roles status } contacts { coverage } } }").execute()
                .path("stakeholder.title").entity(String.class).isEqualTo("CFO")
                .path("stakeholder.reportsTo.key").entity(String.class).isEqualTo("svp")
                .path("stakeholder.influences[0].strength").entity(Integer.class).isEqualTo(3)
                .path("stakeholder.involvements[0].status").entity(String.class).isEqualTo("SUPPORTER")
                .path("stakeholder.contacts[0].coverage").entity(String.class).isEqualTo("IN_DEPTH");
    }

    @Test
    void chartsAndTheCoachPageAppear() {
        browser.open("/app/#/charts/" + encoded(DEAL));
        browser.waitForPage();
        assertThat(strings("return window.charts.rankChart.getOption().series"
                + ".filter(s => s.name === 'Inner Circle')[0].data.map(d => d.name).sort()"))
                .containsExactly("Dana Wells", "Morgan Blake");
        assertThat(strings("return window.charts.rankChart.getOption().series"
                + ".filter(s => s.name === 'Formal Structure')[0].data.map(d => d.name)")).contains("Pat Morgan");
        assertThat(strings("return window.charts.coverageChart.getOption().yAxis[0].data"))
                .contains("Engineering", "Information Services", "Executive");
        assertThat(browser.js("return window.charts.coverageChart.getOption().series"
                + ".filter(s => s.name === 'In depth')[0].data.reduce((a, b) => a + b, 0)")).isEqualTo(1L);
        // Drawn, not only configured: the canvases have pixels.
        assertThat(browser.driver().findElements(By.cssSelector("#rank-influence-chart canvas"))).isNotEmpty();
        String warnings = browser.driver().findElement(By.id("health-warnings")).getText();
        assertThat(warnings).contains("No sponsor identified").contains("Morgan Blake");
        browser.screenshot("charts");

        browser.driver().findElement(By.linkText("Coach")).click();
        browser.waitForPage();
        List<WebElement> rows = browser.driver().findElements(By.cssSelector("#coverage-gaps tbody tr"));
        assertThat(rows).isNotEmpty();
        assertThat(rows.get(0).getText()).startsWith("HIGH").contains("National Manufacturing");
        browser.screenshot("coach");
    }

    @Test
    void theMapExportsAsPngAndSvgAndPrints() throws IOException {
        openMap();
        Path png = Browser.DOWNLOADS.resolve(ACCOUNT + "-customer-service-2027-political-map.png");
        Path svg = Browser.DOWNLOADS.resolve(ACCOUNT + "-customer-service-2027-political-map.svg");
        Files.deleteIfExists(png);
        Files.deleteIfExists(svg);

        browser.driver().findElement(By.id("export-png")).click();
        browser.driver().findElement(By.id("export-svg")).click();
        browser.waitUntil(d -> Files.isRegularFile(png) && Files.isRegularFile(svg) && png.toFile().length() > 0);

        byte[] pngBytes = Files.readAllBytes(png);
        assertThat(pngBytes).startsWith(new byte[] {(byte) 0x89, 'P', 'N', 'G'});
        assertThat(pngBytes.length).isGreaterThan(20_000);
        String svgText = Files.readString(svg);
        assertThat(svgText).contains("<svg").contains("Dana Wells").contains("Director of Engineering");
        assertThat(svgText.split("class=\"person\"", -1)).hasSize(12);
        assertThat(svgText.split("class=\"influence\"", -1)).hasSize(10);
        assertThat(svgText.split("class=\"conflict\"", -1)).hasSize(2);
        Files.copy(png, Browser.SCREENSHOTS.resolve("export.png"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Files.copy(svg, Browser.SCREENSHOTS.resolve("export.svg"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);

        // The SVG is a document a browser draws on its own.
        browser.driver().get(svg.toUri().toString());
        assertThat(browser.driver().findElements(By.cssSelector("g.person"))).hasSize(11);
        browser.screenshot("export-svg");

        // The print stylesheet hides the controls.
        openMap();
        assertThat(browser.js("return [...document.styleSheets]"
                + ".flatMap(sheet => [...sheet.cssRules]).some(r => r.media && r.media.mediaText === 'print'"
                + " && r.cssText.includes('.toolbar'))")).isEqualTo(true);
        browser.print("map-print");
    }

    @Test
    void aCrmContactsExportIsUploadedFromTheAccountsPage() {
        browser.open("/");
        browser.waitForPage();
        WebElement form = browser.driver().findElement(By.id("crm-import-form"));
        form.findElement(By.name("account")).sendKeys("globex");
        form.findElement(By.name("crmAccount")).sendKeys("0015g00000GLOBX");
        form.findElement(By.name("file")).sendKeys(
                Path.of("src/test/resources/crm/salesforce-contacts.csv").toAbsolutePath().toString());

        browser.driver().findElement(By.id("crm-dry-run")).click();
        browser.waitUntil(d -> d.findElement(By.id("crm-import-result")).getText().contains("would be"));
        assertThat(browser.driver().findElement(By.id("crm-import-counts")).getText())
                .startsWith("People would be: 9 created, 0 updated, 0 unchanged");
        graphQl.document("{ account(key: \"globex\") { key } }").execute()
                .path("account").valueIsNull();

        browser.driver().findElement(By.id("crm-import-now")).click();
        browser.waitUntil(d -> d.findElement(By.id("crm-import-result")).getText().contains("were"));
        assertThat(browser.driver().findElement(By.id("crm-import-counts")).getText())
                .startsWith("People were: 9 created").contains("Account version 1");
        browser.waitUntil(d -> d.findElement(By.id("accounts")).getText().contains("Globex, Inc."));
        graphQl.document("{ account(key: \"globex\") { stakeholders(first: 50) { totalCount } } }").execute()
                .path("account.stakeholders.totalCount").entity(Integer.class).isEqualTo(9);
        browser.screenshot("crm-import");
    }

    @Test
    void graphiqlLoadsOfflineAndRunsAQuery() {
        browser.open("/graphiql");
        browser.waitUntil(d -> !d.findElements(By.cssSelector(".graphiql-execute-button")).isEmpty());
        browser.driver().findElement(By.cssSelector(".graphiql-execute-button")).click();
        browser.waitUntil(d -> d.findElement(By.cssSelector(".graphiql-response")).getText().contains(ACCOUNT));
        String response = browser.driver().findElement(By.cssSelector(".graphiql-response")).getText();
        assertThat(response).contains("Worldwide customer service system").doesNotContain("errors");
        // The schema came through introspection: the documentation explorer knows the query type.
        browser.driver().findElement(By.cssSelector("button[aria-label='Show Documentation Explorer']")).click();
        browser.waitUntil(d -> d.findElement(By.cssSelector(".graphiql-doc-explorer")).getText().contains("Query"));
        assertEverythingCameFromTheApp();
        browser.screenshot("graphiql");
    }

    // ---- helpers

    private void openMap() {
        browser.open("/app/#/map/" + encoded(DEAL));
        waitForMap();
    }

    private void waitForMap() {
        browser.waitUntil(d -> browser.js("return document.body.dataset.mapVersion || null") != null
                && browser.js("return document.body.dataset.ready || null") != null);
    }

    private long mapVersion() {
        return Long.parseLong((String) browser.js("return document.body.dataset.mapVersion"));
    }

    private long waitForMapVersionAbove(long version) {
        browser.waitUntil(d -> mapVersion() > version);
        return mapVersion();
    }

    private WebElement personForm(String person, String formId) {
        return waitForPanel(person).findElement(By.id(formId));
    }

    private static void choose(WebElement form, String select, String visibleText) {
        new Select(form.findElement(By.name(select))).selectByVisibleText(visibleText);
    }

    /** Submits a form of the map page and waits for the map to be redrawn at the account's next version. */
    private long submit(WebElement form, long version) {
        form.findElement(By.cssSelector("button[type=submit]")).click();
        return waitForMapVersionAbove(version);
    }

    private WebElement waitForPanel(String name) {
        browser.waitUntil(d -> {
            List<WebElement> heading = d.findElements(By.id("person-name"));
            return !heading.isEmpty() && heading.get(0).getText().equals(name);
        });
        return browser.driver().findElement(By.id("panel"));
    }

    /** A real mouse click on the person's box on the canvas. */
    private void clickPerson(String key) {
        browser.clickPerson(ACCOUNT + "/" + key);
    }

    private String badges(String key) {
        return (String) browser.js("return window.politicalMap.$id(arguments[0]).data('badges')", ACCOUNT + "/" + key);
    }

    private double y(String key) {
        return ((Number) browser.js("return window.politicalMap.$id(arguments[0]).position('y')", ACCOUNT + "/" + key))
                .doubleValue();
    }

    private double width(String influence) {
        return Double.parseDouble(((String) browser.js("return window.politicalMap.$id(arguments[0]).style('width')",
                "influence:" + influence)).replace("px", ""));
    }

    private long count(String selector) {
        return (Long) browser.js("return window.politicalMap.elements(arguments[0]).length", selector);
    }

    @SuppressWarnings("unchecked")
    private List<String> strings(String script) {
        return (List<String>) browser.js(script);
    }

    /** No CDN: every script, style sheet and font the page loaded came from the app itself (or was inline data). */
    private void assertEverythingCameFromTheApp() {
        assertThat(strings("return performance.getEntriesByType('resource').map(r => r.name)"
                + ".filter(u => !u.startsWith('data:'))"))
                .isNotEmpty()
                .allSatisfy(url -> assertThat(url).startsWith(browser.baseUrl() + "/"));
    }

    private static String encoded(String id) {
        return id.replace("/", "%2F");
    }
}
