package io.innercircle.bundle;

import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A bundle over innercircle.bundle.max-size is refused with the limit named, over REST and GraphQL. */
@TestPropertySource(properties = "innercircle.bundle.max-size=4KB")
class BundleSizeLimitTest extends BundleTestSupport {

    @Test
    void aBundleOverTheLimitIsRefusedWithTheLimitNamed() {
        byte[] course = bytes(example("course-example"));
        assertThat(course.length).isGreaterThan(4096);

        Response response = post(course, false);

        assertThat(response.status()).isEqualTo(413);
        assertThat(response.problems()).singleElement().asString()
                .isEqualTo(" | the bundle is " + course.length + " bytes and is larger than the limit of 4096 bytes "
                        + "(setting innercircle.bundle.max-size)");
        assertThat(count("MATCH (a:Account) RETURN count(a)", Map.of())).isZero();

        graphQl.document("mutation($b: JSON!) { importBundle(bundle: $b) { merged } }")
                .variable("b", JSON.convertValue(example("course-example"), Map.class))
                .execute()
                .errors().satisfy(errors -> assertThat(errors).singleElement().satisfies(e -> {
                    assertThat(e.getErrorType().toString()).isEqualTo("BAD_REQUEST");
                    assertThat(e.getMessage()).contains("is larger than the limit of 4096 bytes");
                }))
                .path("importBundle").valueIsNull();
    }

    @Test
    void aBundleUnderTheLimitIsImported() {
        Response response = post("{\"format\": \"political-map-bundle/v1\", \"account\": {\"key\": \"a\", "
                + "\"name\": \"A\"}, \"stakeholders\": []}", false);
        assertThat(response.status()).isEqualTo(200);
    }
}
