package io.innercircle.web;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.webjars.WebJarVersionLocator;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Lines on demand (static/app/map-lines.js), run in Node.js with the page's own Cytoscape, headless, on a six-person
 * map: a selected person's lines and a route's lines are drawn and go again with them, bent around a box in the way;
 * a line wanted by both stays until neither wants it; the page's filters apply to lines drawn later; "Draw all lines"
 * draws the rest as straight texture lines and ends the drawing on demand. BigMapBrowserTest checks the same on a
 * 2,000-person account in the browser.
 */
class MapLinesTest {

    private static final Path LINES = Path.of("src/main/resources/static/app/map-lines.js");
    private static final Path CHECK = Path.of("src/test/resources/web/map-lines-check.mjs");

    @TempDir
    Path folder;

    @Test
    void linesComeAndGoWithTheSelectionAndTheRouteUntilAllAreDrawn() throws Exception {
        Path cytoscape = folder.resolve("cytoscape.cjs.js");
        String resource = new WebJarVersionLocator().fullPath("cytoscape", "dist/cytoscape.cjs.js");
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(resource)) {
            Files.copy(in, cytoscape);
        }
        JsonNode steps = NodeScript.run(folder, CHECK, LINES.toString(), cytoscape.toString());

        // Selecting A: A's lines, the one to C bent around F (between them), the weak one marked by the filters.
        assertThat(drawn(steps, "personA")).containsOnlyKeys("influence:A>B", "influence:A>C");
        assertThat(line(steps, "personA", "influence:A>C").path("bend").asInt()).isNotZero();
        assertThat(line(steps, "personA", "influence:A>B").path("bend").asInt()).isZero();
        assertThat(classes(steps, "personA", "influence:A>C")).contains("filtered", "for-person");
        // The route A, B, C adds B to C only; A to B is wanted by both.
        assertThat(drawn(steps, "personAAndRoute"))
                .containsOnlyKeys("influence:A>B", "influence:A>C", "influence:B>C");
        assertThat(classes(steps, "personAAndRoute", "influence:A>B")).contains("for-person", "for-route");
        // The selection goes: the route's lines stay, A to B among them.
        assertThat(drawn(steps, "routeOnly")).containsOnlyKeys("influence:A>B", "influence:B>C");
        assertThat(drawn(steps, "none")).isEmpty();
        // Everything: the six lines, the ones not drawn before as straight texture lines, still filtered.
        assertThat(drawn(steps, "all")).hasSize(steps.path("size").asInt()).hasSize(6);
        assertThat(classes(steps, "all", "influence:A>C")).containsExactlyInAnyOrder("filtered", "texture");
        assertThat(classes(steps, "all", "influence:D>E")).isEmpty();
        assertThat(line(steps, "all", "influence:D>E").path("bend").asInt()).as("drawn for E, bent around B")
                .isNotZero();
        assertThat(steps.path("onDemandAfterAll").asBoolean()).isFalse();
    }

    private static Map<String, JsonNode> drawn(JsonNode steps, String step) {
        Map<String, JsonNode> lines = new java.util.LinkedHashMap<>();
        steps.path(step).properties().forEach(e -> lines.put(e.getKey(), e.getValue()));
        return lines;
    }

    private static JsonNode line(JsonNode steps, String step, String id) {
        return steps.path(step).path(id);
    }

    private static List<String> classes(JsonNode steps, String step, String id) {
        List<String> classes = new ArrayList<>();
        line(steps, step, id).path("classes").forEach(c -> classes.add(c.asText()));
        return classes;
    }
}
