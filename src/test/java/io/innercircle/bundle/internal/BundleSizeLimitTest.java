package io.innercircle.bundle.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.util.unit.DataSize;

import java.io.IOException;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A bundle over innercircle.bundle.max-size is refused with the limit named, over REST and GraphQL, and nothing is
 * imported. The shared test context keeps the shipped setting (20 MB).
 */
class BundleSizeLimitTest extends BundleTestSupport {

    private static final long LIMIT = 20L * 1024 * 1024;

    @Autowired
    BundleImporter importer;

    @Autowired
    BundleExporter exporter;

    @Autowired
    @Qualifier("bundleObjectMapper")
    ObjectMapper mapper;

    @Test
    void overRestABundleOverTheLimitIsRefusedBeforeItIsRead() throws IOException {
        // The REST endpoint answers 413 from the Content-Length alone, without reading the body, which an HTTP
        // client reports as a broken upload; so the endpoint is called directly, with a 4 KB limit.
        BundleRestController fourKilobytes = new BundleRestController(importer, exporter, mapper,
                DataSize.ofKilobytes(4));
        byte[] course = bytes(example("course-example"));
        assertThat(course.length).isGreaterThan(4096);
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/bundles");
        request.setContentType(MediaType.APPLICATION_JSON_VALUE);
        request.setContent(course);

        ResponseEntity<Object> answer = fourKilobytes.importBundle(request, false);

        assertThat(answer.getStatusCode().value()).isEqualTo(413);
        assertThat(((BundleRestController.Refused) answer.getBody()).problems()).singleElement().satisfies(p -> {
            assertThat(p.pointer()).isEmpty();
            assertThat(p.message()).contains(course.length + " bytes").contains("4096 bytes")
                    .contains("innercircle.bundle.max-size");
        });
        assertThat(count("MATCH (a:Account) RETURN count(a)", Map.of())).isZero();
    }

    @Test
    void overGraphQlABundleOverTheLimitIsRefusedWithTheLimitNamed() {
        ObjectNode tooLarge = overTheLimit();
        assertThat((long) bytes(tooLarge).length).isBetween(LIMIT, LIMIT + 1024 * 1024);

        // Just under the GraphQL request limit (21 MB), so it is the bundle's own limit that answers.
        graphQl.document("mutation($b: JSON!) { importBundle(bundle: $b) { merged } }")
                .variable("b", JSON.convertValue(tooLarge, Map.class))
                .execute()
                .errors().satisfy(errors -> assertThat(errors).singleElement().satisfies(e -> {
                    assertThat(e.getErrorType().toString()).isEqualTo("BAD_REQUEST");
                    assertThat(e.getMessage()).contains("20.0 MB").contains("innercircle.bundle.max-size");
                }))
                .path("importBundle").valueIsNull();
        assertThat(count("MATCH (a:Account) RETURN count(a)", Map.of())).isZero();
    }

    @Test
    void aBundleUnderTheLimitIsImported() {
        Response response = post("{\"format\": \"political-map-bundle/v1\", \"account\": {\"key\": \"a\", "
                + "\"name\": \"A\"}, \"stakeholders\": []}", false);
        assertThat(response.status()).isEqualTo(200);
    }

    /** The course example padded to just over 20 MB, in short strings (a JSON parser limits one string's length). */
    private static ObjectNode overTheLimit() {
        ObjectNode bundle = example("course-example");
        ArrayNode padding = bundle.putArray("padding");
        String chunk = "x".repeat(1021);
        for (long size = 0; size <= LIMIT + 64 * 1024; size += chunk.length() + 3) {
            padding.add(chunk);
        }
        return bundle;
    }
}
