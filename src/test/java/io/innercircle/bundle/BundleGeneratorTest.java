package io.innercircle.bundle;

import io.innercircle.bundle.internal.Bundle;
import io.innercircle.bundle.internal.BundleValidator;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** The generator makes valid bundles of the promised shape, the same for the same seed (no database needed). */
class BundleGeneratorTest {

    private static final BundleValidator VALIDATOR = new BundleValidator(new ObjectMapper());

    @ParameterizedTest
    @CsvSource({"1, 1", "2, 7", "30, 3", "500, 11", "5000, 42"})
    void generatedBundlesAreValid(int people, long seed) {
        Bundle bundle = BundleGenerator.generate(people, seed);
        assertThat(VALIDATOR.problems(BundleGenerator.toTree(bundle))).isEmpty();
        assertThat(bundle.stakeholders()).hasSize(people);
    }

    @Test
    void theSameSeedGivesTheSameBundle() {
        assertThat(BundleGenerator.toJson(BundleGenerator.generate(300, 5)))
                .isEqualTo(BundleGenerator.toJson(BundleGenerator.generate(300, 5)))
                .isNotEqualTo(BundleGenerator.toJson(BundleGenerator.generate(300, 6)));
    }

    @Test
    void theShapeIsRealistic() {
        Bundle bundle = BundleGenerator.generate(5_000, 42);
        Bundle.Counts counts = bundle.counts();
        assertThat(counts.influences() / 5_000.0).isBetween(4.5, 5.5);
        assertThat(counts.contacts() / 5_000.0).isBetween(0.12, 0.18);
        assertThat(counts.conflicts()).isEqualTo(50);
        assertThat(counts.opportunities()).isBetween(1, 2);
        assertThat(counts.roles() / (5_000.0 * counts.opportunities())).isBetween(0.08, 0.12);
        long inDepartment = bundle.influences().stream().filter(i -> department(bundle, i.from())
                .equals(department(bundle, i.to()))).count();
        assertThat(inDepartment / (double) counts.influences()).isBetween(0.6, 0.9);
        assertThat(bundle.stakeholders().stream().filter(s -> s.reportsTo() == null).count())
                .isBetween(50L, 150L);
    }

    private static String department(Bundle bundle, String key) {
        return bundle.stakeholders().get(Integer.parseInt(key.substring(1))).department();
    }
}
