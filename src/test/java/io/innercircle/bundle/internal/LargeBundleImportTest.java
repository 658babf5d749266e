package io.innercircle.bundle.internal;

import io.innercircle.bundle.BundleGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A 5,000-person map goes through the REST endpoint whole. The time is logged, not asserted: it depends on
 * the machine and on what else runs on it. The target is 3 s for the import.
 */
@Tag("slow")
class LargeBundleImportTest extends BundleTestSupport {

    private static final Logger log = LoggerFactory.getLogger(LargeBundleImportTest.class);

    @Test
    void fiveThousandPeopleImportAndExportUnchanged() {
        Bundle generated = BundleGenerator.generate("large", 5_000, 42);
        byte[] json = BundleGenerator.toJson(generated).getBytes();
        Bundle.Counts counts = generated.counts();

        post(example("course-example"), false); // warm-up, so the timing below is the import, not JIT/planning
        long start = System.nanoTime();
        JsonNode answer = imported(json, false);
        long firstMs = (System.nanoTime() - start) / 1_000_000;

        // Replacing it a few times shows the time once the JIT has compiled the hot paths (a running server).
        long[] replaceMs = new long[3];
        for (int i = 0; i < replaceMs.length; i++) {
            start = System.nanoTime();
            imported(json, false);
            replaceMs[i] = (System.nanoTime() - start) / 1_000_000;
        }

        log.info("5,000-person bundle ({} KB, {} influence lines, {} contacts): first import {} ms, "
                        + "replacing it {} ms (over HTTP, validation included)", json.length / 1024,
                counts.influences(), counts.contacts(), firstMs, java.util.Arrays.toString(replaceMs));

        assertThat(answer.path("counts").path("stakeholders").asInt()).isEqualTo(5_000);
        assertThat(answer.path("counts").path("influences").asInt()).isEqualTo(counts.influences());
        assertThat(count("MATCH (:Stakeholder {account: 'large'})-[r:INFLUENCES]->() RETURN count(r)", Map.of()))
                .isEqualTo(counts.influences());
        assertThat(count("MATCH (s:Stakeholder {account: 'large'}) RETURN count(s)", Map.of())).isEqualTo(5_000);

        start = System.nanoTime();
        byte[] exported = export("large");
        log.info("Exporting it took {} ms", (System.nanoTime() - start) / 1_000_000);
        assertThat(normalized(tree(exported))).isEqualTo(normalized(tree(json)));
    }
}
