package io.innercircle.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The map page's org-chart layout (static/app/map-layout.js), run in Node.js outside the browser: the deal focus of
 * the generated 200- and 2,000-person accounts (the very input the page built, kept in test resources) fits its
 * window at the zoom, no boxes overlap, and no reporting line passes under a third box, in every variant the
 * page may choose; and reports listed under a manager stand where a tree list puts them. The browser tests
 * (BigMapBrowserTest) check the same maps drawn by Cytoscape.
 */
class MapLayoutTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path LAYOUT = Path.of("src/main/resources/static/app/map-layout.js");
    private static final Path CHECK = Path.of("src/test/resources/web/map-layout-check.mjs");

    @TempDir
    Path folder;

    /** As a classic chart (no lists), the 40-person deal of the 2,000-person account fits at 0.47, the other 0.61. */
    @ParameterizedTest
    @CsvSource({"deal-focus-2000.json, 84", "deal-focus-200.json, 47"})
    void aDealFitsItsMapWindowAtZoom06WithNoOverlapsOrCrossings(String fixture, int boxes) throws Exception {
        JsonNode result = layOut(fixture(fixture));
        assertThat(result.path("positions").size()).isEqualTo(boxes);
        // As the page's Fit shows it on the 1551 x 685 map window of a 1600 x 1000 browser window.
        assertThat(result.path("zoom").asDouble()).isGreaterThanOrEqualTo(0.6);
        assertThat(result.path("overlaps")).isEmpty();
        assertThat(result.path("crossings")).isEmpty();
    }

    @Test
    void noVariantOverlapsBoxesOrRunsAReportingLineUnderAThirdBox() throws Exception {
        List<String> variants = List.of("{}", "{\"stackFrom\":1,\"aspect\":2.5,\"wrapFrom\":1,\"sortRows\":true}",
                "{\"columns\":true,\"sortRows\":true}", "{\"listFrom\":1,\"stackFrom\":1,\"columns\":true}",
                "{\"listFrom\":2,\"columns\":true,\"aspect\":2}", "{\"listFrom\":0}");
        for (String fixture : List.of("deal-focus-2000.json", "deal-focus-200.json")) {
            for (String variant : variants) {
                ObjectNode input = fixture(fixture);
                input.set("options", JSON.readTree(variant));
                JsonNode result = layOut(input);
                assertThat(result.path("positions").size()).as(fixture + " " + variant)
                        .isEqualTo(input.path("people").size());
                assertThat(result.path("overlaps")).as(fixture + " " + variant).isEmpty();
                assertThat(result.path("crossings")).as(fixture + " " + variant).isEmpty();
            }
        }
    }

    @Test
    void listedReportsStandInOneIndentedColumnUnderTheirManager() throws Exception {
        // A manages B and C; B manages D. Listed from the top: B under A, D under B, C under D's branch.
        ObjectNode input = (ObjectNode) JSON.readTree("""
                {"people": [{"id": "A", "manager": null}, {"id": "B", "manager": "A"}, {"id": "C", "manager": "A"},
                            {"id": "D", "manager": "B"}],
                 "lines": [], "options": {"listFrom": 0}}""");
        JsonNode result = layOut(input);
        JsonNode at = result.path("positions");
        // Each report 20 px to the right of their manager, one box (70 px) and a 14-px gap lower than the box above.
        assertPlace(at, "B", x(at, "A") + 20, y(at, "A") + 84);
        assertPlace(at, "D", x(at, "B") + 20, y(at, "B") + 84);
        assertPlace(at, "C", x(at, "A") + 20, y(at, "D") + 84);
        // Their lines come down a spine under the manager's left side (10 px in), turning 7 px under the box.
        JsonNode route = result.path("routes").path("C");
        assertThat(route.path("kind").asText()).isEqualTo("spine");
        assertThat(route.path("spineX").asDouble()).isCloseTo(x(at, "A") - 89 + 10, within(0.01));
        assertThat(route.path("turn").asDouble()).isEqualTo(7);
        assertThat(result.path("crossings")).isEmpty();
    }

    private static void assertPlace(JsonNode at, String id, double x, double y) {
        assertThat(x(at, id)).as(id + " x").isCloseTo(x, within(0.01));
        assertThat(y(at, id)).as(id + " y").isCloseTo(y, within(0.01));
    }

    private static double x(JsonNode at, String id) {
        return at.path(id).path("x").asDouble();
    }

    private static double y(JsonNode at, String id) {
        return at.path(id).path("y").asDouble();
    }

    private static ObjectNode fixture(String name) throws IOException {
        return (ObjectNode) JSON.readTree(Path.of("src/test/resources/web", name).toFile());
    }

    /** Runs the page's layout module in Node.js on the input and returns what map-layout-check.mjs measured. */
    private JsonNode layOut(JsonNode input) throws Exception {
        Path file = Files.createTempFile(folder, "layout", ".json");
        Files.writeString(file, JSON.writeValueAsString(input));
        return NodeScript.run(folder, CHECK, LAYOUT.toString(), file.toString());
    }
}
