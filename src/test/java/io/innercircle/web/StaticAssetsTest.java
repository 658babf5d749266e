package io.innercircle.web;

import io.innercircle.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The app's files under their build's address, kept by the browser; the page names them and is always checked. */
class StaticAssetsTest extends IntegrationTest {

    private static final Pattern MAIN = Pattern.compile("src=\"(/app/v-([0-9a-f]{12})/)main\\.js\"");

    @Test
    void thePageNamesThisBuildsFilesWhichTheBrowserKeepsForAYear() throws Exception {
        String page = http.get().uri("/app/").exchange().expectStatus().isOk()
                .expectHeader().valueMatches(HttpHeaders.CACHE_CONTROL, ".*no-cache.*")
                .expectBody(String.class).returnResult().getResponseBody();
        Matcher main = MAIN.matcher(page);
        assertThat(main.find()).as("the page loads main.js from a versioned folder: %s", page).isTrue();
        String prefix = main.group(1);
        String version = main.group(2);
        assertThat(page).contains("href=\"" + prefix + "app.css\"", "src=\"" + prefix + "early-map.js\"",
                "src=\"/webjars/v-" + version + "/cytoscape/dist/cytoscape.min.js\"");
        assertThat(page).doesNotContain("\"/app/main.js\"");
        // Modules imported by other modules (not named by the page itself) are asked for at once, in parallel.
        assertThat(page).contains("<link rel=\"modulepreload\" href=\"" + prefix + "api.js\">",
                "<link rel=\"modulepreload\" href=\"" + prefix + "map-view.js\">");
        assertThat(page).doesNotContain("modulepreload\" href=\"" + prefix + "login.js");

        // The same bytes as the file, kept for a year without asking again.
        byte[] api = http.get().uri(prefix + "api.js").exchange().expectStatus().isOk()
                .expectHeader().valueMatches(HttpHeaders.CACHE_CONTROL, ".*max-age=31536000.*")
                .expectHeader().valueMatches(HttpHeaders.CACHE_CONTROL, ".*immutable.*")
                .expectHeader().valueMatches(HttpHeaders.CACHE_CONTROL, ".*private.*")
                .expectBody(byte[].class).returnResult().getResponseBody();
        assertThat(api).isEqualTo(Files.readAllBytes(Path.of("src/main/resources/static/app/api.js")));
        http.get().uri("/webjars/v-" + version + "/cytoscape/dist/cytoscape.min.js").exchange()
                .expectStatus().isOk()
                .expectHeader().valueMatches(HttpHeaders.CACHE_CONTROL, ".*immutable.*");

        // Another build's address (a page from an instance on another build, during a rolling upgrade): this build's
        // file, not kept.
        String other = version.equals("000000000000") ? "111111111111" : "000000000000";
        byte[] fromOther = http.get().uri("/app/v-" + other + "/api.js").exchange().expectStatus().isOk()
                .expectHeader().valueMatches(HttpHeaders.CACHE_CONTROL, ".*no-cache.*")
                .expectBody(byte[].class).returnResult().getResponseBody();
        assertThat(fromOther).isEqualTo(api);
        http.get().uri("/webjars/v-" + other + "/cytoscape/dist/cytoscape.min.js").exchange()
                .expectStatus().isOk()
                .expectHeader().valueMatches(HttpHeaders.CACHE_CONTROL, ".*no-cache.*");

        // The page itself: unchanged while the build is the same.
        http.get().uri("/app/").header(HttpHeaders.IF_NONE_MATCH, "\"" + version + "\"").exchange()
                .expectStatus().isNotModified();
        // Still for signed-in users only; an unknown file is not found.
        anonymous().get().uri(prefix + "api.js").exchange().expectStatus().isUnauthorized();
        http.get().uri(prefix + "no-such-file.js").exchange().expectStatus().isEqualTo(HttpStatus.NOT_FOUND);
    }
}
