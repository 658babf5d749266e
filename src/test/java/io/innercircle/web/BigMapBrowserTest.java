package io.innercircle.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.innercircle.support.BigAccounts;
import io.innercircle.support.IntegrationTest;
import io.innercircle.support.TestBundles;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.http.MediaType;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Big political maps in the real page (headless Chromium, the real app, a real Neo4j): the deal focus, zoom,
 * search, collapse, highlight, saved positions, and influence lines that never pass under a third box. Timings
 * are printed, not asserted (they depend on the machine).
 */
@Tag("slow")
class BigMapBrowserTest extends IntegrationTest {

    private static Browser browser;

    @BeforeEach
    void startBrowser() {
        if (browser == null) {
            // Selenium's 500 ms between looks, as before: this class gains nothing from faster ones (its timed waits
            // look every 20 ms anyway).
            browser = Browser.start(port).polling(Duration.ofMillis(500));
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
    void onTheDemoMapNoInfluenceLinePassesUnderAThirdBox() {
        TestBundles.importBundle(http, "course-example.json");
        openMap("national-manufacturing/customer-service-2027");
        assertThat(count("node")).isEqualTo(11);
        System.out.printf("Map container on a 1600x1000 window: %s%n", browser.js(
                "const c = document.getElementById('cy'); return c.clientWidth + 'x' + c.clientHeight;"));
        assertThat(count("edge[kind = 'influence']")).isEqualTo(9);
        assertThat(linesUnderBoxes()).isEmpty();
        // External people stand in their own band, beside (right of) the hierarchy, not in its top row.
        double band = number("return window.politicalMap.nodes('[?external]').min(n => n.position('x')).value");
        double hierarchy = number("return window.politicalMap.nodes('[!external]').max(n => n.position('x')).value");
        assertThat(band).isGreaterThan(hierarchy);
        browser.screenshot("big-maps-demo");
    }

    @Test
    void a200PersonAccountOpensOnItsDealAndIsSearchableCollapsibleAndHighlighted() {
        ObjectNode bundle = BigAccounts.bundle("gen-200", 200, 25, 200);
        String deal = importBundle(bundle);
        long start = System.nanoTime();
        openMap(deal);
        // The wall clock only: when the app's page is already open, only the address after '#' changes, and the page's
        // own clock counts from its earlier load.
        System.out.printf("200 people: navigation to a drawn focused map %d ms; load average %s%n",
                (System.nanoTime() - start) / 1_000_000, loadAverage());
        checkFocusZoomSearchCollapseAndHighlight(bundle, "gen-200");
        browser.screenshot("big-maps-200");
    }

    @Test
    void a2000PersonAccountWithA40PersonDeal() {
        ObjectNode bundle = BigAccounts.bundle("gen-2000", 2_000, 40, 2000);
        String deal = importBundle(bundle);
        // The first visit after the import (the app's first map of that size: the server's analysis of the account,
        // its Cypher plans and JIT) is timed apart; then a fresh navigation, as a rep coming back to the deal
        // (the page reloaded from nothing but the browser's cache, no answer kept in the page).
        browser.open("/app/");
        browser.waitForPage();
        browser.driver().get("about:blank");
        long firstStart = System.nanoTime();
        openMap(deal);
        long firstVisit = (System.nanoTime() - firstStart) / 1_000_000;
        browser.screenshot("big-maps-2000-deal");
        System.out.printf("2,000 people, 40-person deal: first visit after the import %d ms (page's own clock: %.0f ms)%n",
                firstVisit, number("return Number(document.body.dataset.mapDrawnAt)"));
        // Five navigations, the median reported: one navigation on this machine varies by a few hundred ms.
        List<Long> navigations = new ArrayList<>();
        List<Double> pageClocks = new ArrayList<>();
        List<Double> paintedAt = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            browser.driver().get("about:blank");
            long start = System.nanoTime();
            openMap(deal);
            navigations.add((System.nanoTime() - start) / 1_000_000);
            pageClocks.add(number("return Number(document.body.dataset.mapDrawnAt)"));
            browser.waitUntil(d -> browser.js("return document.body.dataset.mapPaintedAt || null") != null);
            paintedAt.add(number("return Number(document.body.dataset.mapPaintedAt)"));
        }
        System.out.printf("  five navigations, page's own clock (ms): ready %s, first painted %s; "
                + "test's wall clock %s%n", pageClocks, paintedAt, navigations);
        long navigation = navigations.stream().sorted().toList().get(2);
        double pageClock = pageClocks.stream().sorted().toList().get(2);
        double firstPainted = paintedAt.stream().sorted().toList().get(2);
        System.out.printf("2,000 people, 40-person deal: navigation to an interactive focused map, median %d ms "
                        + "(page's own clock: ready %.0f ms, first painted %.0f ms; target 1,500); %d people sent, "
                        + "%d shown, zoom %.2f (target 0.6); load average %s%n", navigation, pageClock, firstPainted,
                sent(), count("node:visible"), number("return window.politicalMap.zoom()"), loadAverage());
        System.out.println("  where the time went (page clock, ms): " + browser.js("""
                const t = performance.getEntriesByType('navigation')[0];
                const api = performance.getEntriesByType('resource').filter(r => r.name.includes('/graphql'))
                  .map(r => Math.round(r.startTime) + '+' + Math.round(r.duration));
                const scripts = performance.getEntriesByType('resource').filter(r => r.name.endsWith('.js'));
                const last = scripts.reduce((a, r) => (r.responseEnd > a.responseEnd ? r : a), scripts[0]);
                return 'page loaded ' + Math.round(t.domContentLoadedEventEnd) + ' (' + scripts.length
                  + ' scripts, the last, ' + last.name.split('/').pop() + ', in at ' + Math.round(last.responseEnd)
                  + '), GraphQL calls (start+duration) '
                  + api.join(' ') + ', layout ' + document.body.dataset.mapLayoutMs + ', drawn at '
                  + document.body.dataset.mapDrawnAt + '; drawing steps ' + document.body.dataset.mapPhases;"""));
        // Bounds a rep would call broken, whatever the machine's load (the targets are in the printed numbers).
        assertThat(pageClock).as("navigation to a drawn focused map, ms").isLessThan(45_000);
        checkFocusZoomSearchCollapseAndHighlight(bundle, "gen-2000");
        browser.screenshot("big-maps-2000-focus");
        savedPositionsSurviveAReload(deal);

        // The whole account: drawn within a few seconds, pannable, no frame frozen long. First, what the app does at
        // start (MapReadsWarmUp; off in the shared test app): the whole-account read once, on the smallest account, so
        // that what is timed is a running app, not the read's first planning (about 2.4 s).
        TestBundles.importBundle(http, "course-example.json");
        graphQl.document("{ politicalMap(opportunity: \"national-manufacturing/customer-service-2027\", focus: ALL)"
                + " { people { roles } } }").executeAndVerify();
        browser.js("""
                window.__frames = { last: performance.now(), worst: 0 };
                const tick = t => { window.__frames.worst = Math.max(window.__frames.worst, t - window.__frames.last);
                  window.__frames.last = t; window.__frames.count = (window.__frames.count || 0) + 1;
                  window.__frames.id = requestAnimationFrame(tick); };
                window.__frames.id = requestAnimationFrame(tick);
                window.__drawsBefore = Number(document.body.dataset.mapDraws);
                window.__wholeStart = performance.now();
                """);
        new Select(browser.driver().findElement(By.id("focus"))).selectByValue("ALL:0");
        awaitRedraw(Duration.ofMinutes(3));
        double drawn = number("return Number(document.body.dataset.mapDrawnAt) - window.__wholeStart");
        // Painted: Cytoscape's first frame of the whole account, which comes after the map is ready to use.
        browser.waitUntil(d -> number("return Number(document.body.dataset.mapPaintedAt || 0)")
                > number("return Number(document.body.dataset.mapDrawnAt)"));
        double painted = number("return Number(document.body.dataset.mapPaintedAt) - window.__wholeStart");
        // The frames while drawing and while panning are told apart: the second is what "stays pannable" means.
        double worstWhileDrawing = number("return window.__frames.worst");
        double worstFrame = worstFrameWhilePanning(0.2);
        System.out.println("  whole account, drawing steps (ms): " + browser.js("return document.body.dataset.mapPhases")
                + "; GraphQL calls since the choice (start+duration, size): " + browser.js("""
                return performance.getEntriesByType('resource').filter(r => r.name.includes('/graphql')
                  && r.startTime >= window.__wholeStart).map(r => Math.round(r.startTime - window.__wholeStart) + '+'
                  + Math.round(r.duration) + ' ' + Math.round(r.encodedBodySize / 1024) + ' kB').join(', ');"""));
        System.out.printf("2,000 people, whole account: drawn (ready) in %.0f ms, first painted in %.0f ms (target "
                        + "5,000), worst frame while drawing %.0f ms, while panning and zooming %.0f ms (target 500), "
                        + "%d people, %d lines drawn; load average %s%n", drawn, painted, worstWhileDrawing, worstFrame,
                count("node"), count("edge"), loadAverage());
        assertThat(count("node")).isEqualTo(2_000);
        assertThat(drawn).as("whole account drawn, ms").isLessThan(60_000);
        assertThat(worstFrame).as("worst frame while panning, ms").isLessThan(5_000);
        browser.screenshot("big-maps-2000-whole");

        // Its 10,022 influence and conflict lines are drawn on demand: a person's when the person is selected.
        assertThat(count("edge[kind = 'influence'], edge[kind = 'conflict']")).isZero();
        assertThat(browser.driver().findElement(By.id("lines-on-demand")).getText()).contains("10,022");
        String busiest = busiestInfluencer(bundle);
        long in = influences(bundle, "to", busiest);
        long out = influences(bundle, "from", busiest);
        double selectMs = number("""
                const t0 = performance.now();
                window.politicalMap.$id(arguments[0]).select();
                return performance.now() - t0;""", "gen-2000/" + busiest);
        System.out.printf("2,000 people, whole account: selecting the person with the most influence lines (%d in, "
                + "%d out) draws and highlights them in %.0f ms%n", in, out, selectMs);
        assertThat(count("edge.incoming")).isEqualTo(in);
        assertThat(count("edge.outgoing")).isEqualTo(out);
        browser.screenshot("big-maps-2000-whole-selected");
        new Actions(browser.driver()).sendKeys(Keys.ESCAPE).perform();
        browser.waitUntil(d -> count("edge[kind = 'influence']") == 0);

        // "Draw all lines" (or the l key) adds the rest, a slice a frame.
        browser.js("window.__allStart = performance.now(); window.__frames.worst = 0;"
                + " window.__frames.last = performance.now();");
        browser.driver().findElement(By.id("draw-all-lines")).click();
        new org.openqa.selenium.support.ui.WebDriverWait(browser.driver(), Duration.ofMinutes(3))
                .ignoring(org.openqa.selenium.ScriptTimeoutException.class)
                .until(d -> browser.js("return document.body.dataset.allLinesDrawnAt || null") != null);
        double allLines = number("return Number(document.body.dataset.allLinesDrawnAt) - window.__allStart");
        double worstWhileAdding = number("return window.__frames.worst");
        double worstWithAllLines = worstFrameWhilePanning(0.15);
        System.out.printf("2,000 people, whole account: all %d lines drawn in %.0f ms (worst frame %.0f ms); then "
                        + "panning and zooming, worst frame %.0f ms%n", count("edge"), allLines, worstWhileAdding,
                worstWithAllLines);
        assertThat(count("edge[kind = 'influence']")).isEqualTo(10_002);
        browser.js("cancelAnimationFrame(window.__frames.id)");
        browser.screenshot("big-maps-2000-whole-all-lines");
        new Select(browser.driver().findElement(By.id("focus"))).selectByValue("DEAL:0");
    }

    @Test
    void a5000PersonAccountDoesNotCrashTheTab() {
        String deal = importBundle(BigAccounts.bundle("gen-5000", 5_000, 40, 5000));
        browser.driver().get("about:blank");
        long start = System.nanoTime();
        openMap(deal);
        String dealMap = String.format("%d ms to draw, %d people sent, %d shown, zoom %.2f",
                (System.nanoTime() - start) / 1_000_000, sent(), count("node:visible"),
                number("return window.politicalMap.zoom()"));
        browser.js("window.__drawsBefore = Number(document.body.dataset.mapDraws); window.__start = performance.now();");
        new Select(browser.driver().findElement(By.id("focus"))).selectByValue("ALL:0");
        awaitRedraw(Duration.ofMinutes(5));
        System.out.printf("5,000 people, whole account: drawn in %.0f ms, %d people; the deal's map: %s; "
                        + "load average %s%n", number("return Number(document.body.dataset.mapDrawnAt) - window.__start"),
                count("node"), dealMap, loadAverage());
        assertThat(count("node")).isEqualTo(5_000);
        // The tab is alive: it still answers and the map still moves.
        browser.js("window.politicalMap.panBy({x: 200, y: 100}); window.politicalMap.zoom(0.1);");
        assertThat(number("return window.politicalMap.zoom()")).isCloseTo(0.1, org.assertj.core.data.Offset.offset(0.01));
        browser.screenshot("big-maps-5000-whole");
        new Select(browser.driver().findElement(By.id("focus"))).selectByValue("DEAL:0");
        openMap(deal);
        candidateMarksFollowAnInfluenceEdit(deal);
    }

    // ---- checks shared by the sizes

    private void checkFocusZoomSearchCollapseAndHighlight(ObjectNode bundle, String account) {
        int people = bundle.path("stakeholders").size();
        var dealPeople = BigAccounts.dealPeople(bundle);
        long drawn = sent();
        long shown = count("node:visible");
        assertThat(drawn).isGreaterThanOrEqualTo(dealPeople.size()).isLessThan(people);
        System.out.printf("%s: %d of %d people sent, %d shown (%d middle managers folded), window %s, zoom %.2f%n",
                account, drawn, people, shown, drawn - count("node:visible"), browser.js("const c = document.getElementById('cy');"
                        + " return c.clientWidth + 'x' + c.clientHeight;"), number("return window.politicalMap.zoom()"));
        for (String key : dealPeople) {
            assertThat(browser.js("return window.politicalMap.$id(arguments[0]).filter(':visible').length",
                    account + "/" + key)).as(key).isEqualTo(1L);
        }
        double zoom = number("return window.politicalMap.zoom()");
        // The whole map window is on screen, not partly below the fold, with the page's head above it.
        double mapTop = number("return document.getElementById('cy').getBoundingClientRect().top");
        double mapBottom = number("return document.getElementById('cy').getBoundingClientRect().bottom");
        System.out.printf("%s: map window from %.0f to %.0f px of a %.0f-px viewport%n", account, mapTop, mapBottom,
                number("return window.innerHeight"));
        assertThat(mapBottom).as("bottom of the map window").isLessThanOrEqualTo(number("return window.innerHeight"));
        assertThat(browser.driver().findElement(By.id("focus-count")).getText()).contains("of " + people + " people");

        // Search: type part of a name, Enter: the person is centred and selected.
        JsonNode target = person(bundle, dealPeople.iterator().next());
        WebElement search = browser.driver().findElement(By.id("map-search"));
        search.clear();
        search.sendKeys(target.path("name").asText());
        browser.waitUntil(d -> !d.findElements(By.cssSelector("#search-results li")).isEmpty());
        double searchMs = number("""
                const input = document.getElementById('map-search');
                const t0 = performance.now();
                input.dispatchEvent(new Event('input'));
                input.dispatchEvent(new KeyboardEvent('keydown', {key: 'Enter', bubbles: true}));
                return window.politicalMap.nodes(':selected').length ? performance.now() - t0 : -1;
                """);
        System.out.printf("%s: search to selected %.1f ms (target 200)%n", account, searchMs);
        assertThat(searchMs).isGreaterThanOrEqualTo(0).isLessThan(1_000);
        String selected = (String) browser.js("return window.politicalMap.nodes(':selected')[0].data('name')");
        assertThat(selected).isEqualTo(target.path("name").asText());

        // A folded middle manager (kept out of the drawing) is found too, and comes back on their chain, selected,
        // with their reporting line.
        String folded = (String) browser.js("""
                const cy = window.politicalMap;
                const kept = cy.scratch('innercircle.folded');
                if (!kept) return null;
                const away = kept.nodes().filter(n => n.removed());
                const named = cy.nodes().union(away).map(n => n.data('name'));
                const unique = away.filter(n => named.filter(name => name === n.data('name')).length === 1);
                return unique.length ? unique[0].id() : null;""");
        if (account.equals("gen-2000")) {
            assertThat(folded).as("a middle manager folded on the 2,000-person account's deal").isNotNull();
        }
        if (folded != null) {
            String name = (String) browser.js(
                    "return window.politicalMap.scratch('innercircle.folded').getElementById(arguments[0]).data('name')",
                    folded);
            search.clear();
            search.sendKeys(name);
            browser.waitUntil(d -> !d.findElements(By.cssSelector("#search-results li")).isEmpty());
            search.sendKeys(Keys.ENTER);
            browser.waitUntil(d -> browser.js("return window.politicalMap.$id(arguments[0]).selected()", folded)
                    .equals(Boolean.TRUE));
            assertThat(browser.js("return window.politicalMap.$id(arguments[0]).visible()", folded)).isEqualTo(true);
            assertThat(count("node:visible")).isEqualTo(shown + 1);
            shown++;
            assertThat(browser.js("return window.politicalMap.$id(arguments[0])"
                    + ".connectedEdges('[kind = \"reports\"]').filter(':visible').length", folded)).isNotEqualTo(0L);
            System.out.printf("%s: the folded %s found by search and shown%n", account, name);
        }

        // Highlight: the selected person's incoming and outgoing influence stand out, the rest fades.
        String busy = (String) browser.js("""
                const cy = window.politicalMap;
                return cy.nodes(':visible').max(n => n.connectedEdges('[kind = "influence"]').length).ele.id();""");
        browser.js("const cy = window.politicalMap; cy.elements(':selected').unselect(); cy.$id(arguments[0]).select();",
                busy);
        assertThat(count("edge.incoming")).isEqualTo((Long) browser.js(
                "return window.politicalMap.$id(arguments[0]).incomers('edge[kind = \"influence\"]').length", busy));
        assertThat(count("edge.outgoing")).isEqualTo((Long) browser.js(
                "return window.politicalMap.$id(arguments[0]).outgoers('edge[kind = \"influence\"]').length", busy));
        assertThat(count(".dimmed")).isGreaterThan(0);
        browser.screenshot("big-maps-" + account + "-highlight");

        // Collapse the manager with the most people under them with the 'c' key: "+N" and they are hidden.
        String manager = (String) browser.js("""
                const cy = window.politicalMap;
                return cy.nodes().max(n => n.successors('edge[kind = "reports"], edge[kind = "chain"]').length).ele.id();""");
        long under = (Long) browser.js(
                "return window.politicalMap.$id(arguments[0])"
                        + ".successors('edge[kind = \"reports\"], edge[kind = \"chain\"]').targets().not('.folded').length",
                manager);
        assertThat(under).isGreaterThan(0);
        browser.js("const cy = window.politicalMap; cy.elements(':selected').unselect(); cy.$id(arguments[0]).select();"
                + "document.activeElement.blur();", manager);
        long shownUnder = (Long) browser.js("return window.politicalMap.$id(arguments[0])"
                + ".successors('edge[kind = \"reports\"], edge[kind = \"chain\"]').targets(':visible').length", manager);
        new Actions(browser.driver()).sendKeys("c").perform();
        // The boxes disappear with the map's next style pass, a moment after the manager is marked collapsed.
        waitFor("people shown after collapsing " + manager, () -> count("node:visible"), shown - shownUnder);
        assertThat(count("node.collapsed")).isEqualTo(1);
        assertThat((String) browser.js("return window.politicalMap.$('node.collapsed').style('label')"))
                .endsWith("+" + under);
        browser.screenshot("big-maps-" + account + "-collapsed");
        new Actions(browser.driver()).sendKeys("c").perform();
        waitFor("people shown after expanding " + manager, () -> count("node:visible"), shown);
        assertThat(count("node.collapsed")).isEqualTo(0);
        new Actions(browser.driver()).sendKeys(Keys.ESCAPE).perform();
        browser.js("window.politicalMap.fit(window.politicalMap.elements(':visible'), 30)");
        // Issue 14's target on a 1600 x 1000 window (a map window of 1551 x 685): 0.62 for the 2,000-person account's
        // deal, 0.66 for the 200-person one, with managers listing their reports (0.47 and 0.61 as a classic chart).
        // MapLayoutTest checks the same layouts without a browser.
        assertThat(zoom).as("zoom of the fitted focus").isGreaterThanOrEqualTo(0.6);
        // On a big map the details panel floats over the map: the map has the page's whole width.
        if (drawn > 40) {
            assertThat(number("return document.getElementById('cy').clientWidth")).as("map width, px")
                    .isGreaterThan(number("return document.querySelector('.map-body').clientWidth") - 10);
        }
    }

    /**
     * After an influence edit a big map is analysed again in the background: the page shows the previous Inner Circle
     * at first, says so, and moves the ☆ marks once the analysis is current. Another user (here the API) takes every
     * influence line off a candidate drawn on the page, who then has no influence to speak of, and the rep asks for the
     * whole account right after the last one, while the app analyses it (a second or so at 5,000 people).
     */
    private void candidateMarksFollowAnInfluenceEdit(String deal) {
        String account = deal.substring(0, deal.indexOf('/'));
        List<String> marked = ids("[?candidate]");
        assertThat(marked).as("candidates drawn on the deal's map").isNotEmpty();
        String candidate = marked.get(0);
        var response = graphQl.document("query($id: ID!) { stakeholder(id: $id) { influences { to { id } } "
                + "influencedBy { from { id } } } }").variable("id", candidate).execute();
        List<String> removals = new ArrayList<>();
        for (String to : response.path("stakeholder.influences[*].to.id").entityList(String.class).get()) {
            removals.add(REMOVE_INFLUENCE.formatted(removals.size(), candidate, to));
        }
        for (String from : response.path("stakeholder.influencedBy[*].from.id").entityList(String.class).get()) {
            removals.add(REMOVE_INFLUENCE.formatted(removals.size(), from, candidate));
        }
        assertThat(removals).as("influence lines at " + candidate).hasSizeGreaterThan(1);
        graphQl.document("mutation {" + String.join("", removals.subList(1, removals.size())) + " }").execute()
                .errors().verify();
        awaitCurrentInnerCircle(account);
        Object waitsBefore = browser.js("return document.body.dataset.innerCircleWaits || '0'");
        long pushesBefore = (long) number("return Number(document.body.dataset.analysisPushes || 0)");
        graphQl.document("mutation {" + removals.get(0) + " }").execute().errors().verify();
        // The whole account at once: its map is drawn without the analysis (the deal's focus needs the current one).
        browser.js("window.__drawsBefore = Number(document.body.dataset.mapDraws);");
        new Select(browser.driver().findElement(By.id("focus"))).selectByValue("ALL:0");
        awaitRedraw(Duration.ofMinutes(3));
        // The redraw's answer was the previous Inner Circle, and the page waits for the current one.
        browser.waitUntil(d -> !waitsBefore.equals(browser.js("return document.body.dataset.innerCircleWaits")));
        long version = graphQl.document("query($a: ID!) { account(key: $a) { version } }").variable("a", account)
                .execute().path("account.version").entity(Long.class).get();
        browser.waitUntil(d -> String.valueOf(version)
                .equals(browser.js("return document.body.dataset.innerCircleVersion")));
        assertThat(browser.js("return document.body.dataset.innerCircleStale")).isEqualTo("false");
        // Told by the server (subscription analysisUpdates) rather than found by asking again and again.
        assertThat((long) number("return Number(document.body.dataset.analysisPushes || 0)"))
                .as("analysis updates pushed to the page").isGreaterThan(pushesBefore);
        assertThat(browser.driver().findElement(By.id("inner-circle-note")).isDisplayed()).isFalse();
        List<String> current = graphQl.document(
                        "query($a: ID!) { innerCircle(account: $a) { candidates { person { id } } } }")
                .variable("a", account).execute().path("innerCircle.candidates[*].person.id")
                .entityList(String.class).get();
        assertThat(current).doesNotContain(candidate);
        List<String> drawn = ids("node");
        assertThat(ids("[?candidate]"))
                .containsExactlyInAnyOrderElementsOf(current.stream().filter(drawn::contains).toList());
        assertThat(drawn).contains(candidate);
        assertThat((String) browser.js("return window.politicalMap.$id(arguments[0]).data('label')", candidate))
                .doesNotContain("☆");
        System.out.printf("%s: %d influence lines taken off %s; ☆ marks on the deal's map before: %d, on the whole "
                + "account after: %d%n", account, removals.size(), candidate, marked.size(), ids("[?candidate]").size());
    }

    /** Asks the API until the account's Inner Circle is current. */
    private void awaitCurrentInnerCircle(String account) {
        long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
        while (graphQl.document("query($a: ID!) { innerCircle(account: $a) { stale } }").variable("a", account)
                .execute().path("innerCircle.stale").entity(Boolean.class).get()) {
            assertThat(System.nanoTime()).as("Inner Circle current within a minute").isLessThan(deadline);
            Thread.onSpinWait();
        }
    }

    /**
     * Waits until the page has drawn the map again since {@code window.__drawsBefore} was set. A tab busy drawing may
     * not answer a script for a while: that is slow, not crashed, so keep asking.
     */
    private void awaitRedraw(Duration limit) {
        new org.openqa.selenium.support.ui.WebDriverWait(browser.driver(), limit)
                .ignoring(org.openqa.selenium.ScriptTimeoutException.class).until(d ->
                number("return Number(document.body.dataset.mapDraws)") > number("return window.__drawsBefore"));
    }

    private static final String REMOVE_INFLUENCE = " r%d: removeInfluence(from: \"%s\", to: \"%s\") { removed }";

    /** The ids of the drawn people a Cytoscape selector picks ("node" for all). */
    @SuppressWarnings("unchecked")
    private List<String> ids(String selector) {
        return (List<String>) browser.js("return window.politicalMap.nodes(arguments[0]).map(n => n.id())", selector);
    }

    private void savedPositionsSurviveAReload(String deal) {
        // The box nearest the middle of the map's visible part (the map may reach below the window; the minimap
        // covers its bottom left), dragged with the mouse at its place in the window.
        String id = (String) browser.js("""
                const cy = window.politicalMap;
                cy.fit(cy.elements(':visible'), 30);
                const r = cy.container().getBoundingClientRect();
                const mid = { x: r.left + r.width / 2,
                  y: (Math.max(r.top, 0) + Math.min(r.bottom, window.innerHeight)) / 2 };
                return cy.nodes('[!external]:visible').min(n => Math.hypot(r.left + n.renderedPosition('x') - mid.x,
                  r.top + n.renderedPosition('y') - mid.y)).ele.id();""");
        @SuppressWarnings("unchecked")
        Map<String, Number> at = (Map<String, Number>) browser.js("""
                const r = window.politicalMap.container().getBoundingClientRect();
                const p = window.politicalMap.$id(arguments[0]).renderedPosition();
                return {x: r.left + p.x, y: r.top + p.y};""", id);
        new Actions(browser.driver()).moveToLocation(at.get("x").intValue(), at.get("y").intValue()).clickAndHold()
                .moveByOffset(20, 20).moveByOffset(40, 60).release().perform();
        browser.waitUntil(d -> browser.js("return document.body.dataset.positionsSaved || null") != null);
        @SuppressWarnings("unchecked")
        Map<String, Number> moved = (Map<String, Number>) browser.js(
                "const p = window.politicalMap.$id(arguments[0]).position(); return {x: p.x, y: p.y};", id);
        browser.driver().navigate().refresh();
        browser.signInIfAsked();
        waitForMap();
        @SuppressWarnings("unchecked")
        Map<String, Number> after = (Map<String, Number>) browser.js(
                "const p = window.politicalMap.$id(arguments[0]).position(); return {x: p.x, y: p.y};", id);
        assertThat(after.get("x").doubleValue()).isCloseTo(moved.get("x").doubleValue(), org.assertj.core.data.Offset.offset(0.5));
        assertThat(after.get("y").doubleValue()).isCloseTo(moved.get("y").doubleValue(), org.assertj.core.data.Offset.offset(0.5));
    }

    /** Influence lines whose drawn curve passes over a box that is not one of its two ends. */
    @SuppressWarnings("unchecked")
    private List<String> linesUnderBoxes() {
        return (List<String>) browser.js("""
                const cy = window.politicalMap;
                const bad = [];
                cy.edges('[kind = "influence"]').forEach(e => {
                  const s = e.sourceEndpoint(), t = e.targetEndpoint();
                  const c = (e.controlPoints() || [])[0];
                  const at = u => c
                    ? { x: (1-u)*(1-u)*s.x + 2*u*(1-u)*c.x + u*u*t.x, y: (1-u)*(1-u)*s.y + 2*u*(1-u)*c.y + u*u*t.y }
                    : { x: s.x + u*(t.x - s.x), y: s.y + u*(t.y - s.y) };
                  cy.nodes().difference(e.connectedNodes()).forEach(n => {
                    const b = n.boundingBox({ includeLabels: false, includeOverlays: false, includeOutlines: false });
                    for (let i = 0; i <= 100; i++) {
                      const p = at(i / 100);
                      if (p.x > b.x1 && p.x < b.x2 && p.y > b.y1 && p.y < b.y2) {
                        bad.push(e.id() + ' under ' + n.id());
                        return;
                      }
                    }
                  });
                });
                return bad;""");
    }

    // ---- helpers

    private static String loadAverage() {
        try {
            return java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).trim();
        } catch (java.io.IOException e) {
            return "unknown";
        }
    }

    private String importBundle(ObjectNode bundle) {
        http.mutate().responseTimeout(Duration.ofMinutes(5)).build().post().uri("/api/bundles")
                .contentType(MediaType.APPLICATION_JSON).bodyValue(bundle.toString())
                .exchange().expectStatus().isOk();
        return bundle.path("account").path("key").asText() + "/"
                + bundle.path("opportunities").get(0).path("key").asText();
    }

    /** The people the server sent: those in the graph and the folded ones kept out of it (map-view.js). */
    private long sent() {
        return (Long) browser.js("""
                const cy = window.politicalMap;
                const kept = cy.scratch('innercircle.folded');
                return cy.nodes().length + (kept ? kept.nodes().filter(n => n.removed()).length : 0);""");
    }

    private void openMap(String deal) {
        browser.js("try { sessionStorage.clear(); } catch (e) {}");
        browser.open("/app/#/map/" + deal.replace("/", "%2F"));
        waitForMap();
    }

    private void waitForMap() {
        // Asked every 20 ms, not every 500 (WebDriverWait's default), so that the polling does not round the wall
        // clock of a navigation up.
        new org.openqa.selenium.support.ui.WebDriverWait(browser.driver(), Duration.ofMinutes(2))
                .pollingEvery(Duration.ofMillis(20)).until(d ->
                browser.js("return document.body.dataset.mapDrawnAt || null") != null
                        && browser.js("return document.body.dataset.ready || null") != null);
    }

    private static JsonNode person(ObjectNode bundle, String key) {
        for (JsonNode s : bundle.path("stakeholders")) {
            if (s.path("key").asText().equals(key)) {
                return s;
            }
        }
        throw new AssertionError("no " + key);
    }

    /** Pans and zooms the map, then the worst of the next 60 frames (about a second), waited for, not slept. */
    private double worstFrameWhilePanning(double zoom) {
        browser.js("window.__frames.count = 0; window.__frames.worst = 0; window.__frames.last = performance.now();"
                + "window.politicalMap.panBy({x: 300, y: 200}); window.politicalMap.zoom(arguments[0]);", zoom);
        browser.waitUntil(d -> number("return window.__frames.count") >= 60);
        return number("return window.__frames.worst");
    }

    /** The key of the person with the most influence lines, in or out. */
    private static String busiestInfluencer(ObjectNode bundle) {
        Map<String, Integer> lines = new java.util.HashMap<>();
        bundle.path("influences").forEach(l -> {
            lines.merge(l.path("from").asText(), 1, Integer::sum);
            lines.merge(l.path("to").asText(), 1, Integer::sum);
        });
        return java.util.Collections.max(lines.entrySet(), Map.Entry.comparingByValue()).getKey();
    }

    /** How many influence lines of the bundle have the person at that end ("from" or "to"). */
    private static long influences(ObjectNode bundle, String end, String key) {
        long n = 0;
        for (JsonNode line : bundle.path("influences")) {
            n += line.path(end).asText().equals(key) ? 1 : 0;
        }
        return n;
    }

    /** Waits until {@code actual} is {@code expected}; a timeout says what the page and its map held. */
    private void waitFor(String what, java.util.function.LongSupplier actual, long expected) {
        try {
            new org.openqa.selenium.support.ui.WebDriverWait(browser.driver(), Duration.ofSeconds(30))
                    .pollingEvery(Duration.ofMillis(20)).until(d -> actual.getAsLong() == expected);
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError(what + ": expected " + expected + ", got " + actual.getAsLong() + "; "
                    + mapState(), e);
        }
    }

    /** What the page and its map hold now, for a failure's message. */
    private String mapState() {
        return String.valueOf(browser.js("""
                const cy = window.politicalMap;
                return JSON.stringify({draws: document.body.dataset.mapDraws, hash: location.hash,
                    destroyed: cy.destroyed(), attached: Boolean(cy.container() && cy.container().isConnected),
                    nodes: cy.nodes().length, visible: cy.nodes(':visible').length,
                    selected: cy.nodes(':selected').map(n => n.id()), collapsed: cy.nodes('.collapsed').map(n => n.id()),
                    away: cy.nodes('.collapsed-away').length, filtered: cy.nodes('.filtered').length,
                    focused: document.activeElement && document.activeElement.id});"""))
                + "\nbrowser console:\n" + browser.consoleLog();
    }

    private long count(String selector) {
        return (Long) browser.js("return window.politicalMap.elements(arguments[0]).length", selector);
    }

    private double number(String script, Object... arguments) {
        return ((Number) browser.js(script.contains("return") ? script : "return " + script, arguments)).doubleValue();
    }
}
