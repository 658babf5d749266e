package io.innercircle.analysis.internal.store;

import io.innercircle.bundle.BundleGenerator;
import io.innercircle.bundle.internal.Bundle;
import io.innercircle.support.IntegrationTest;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;

import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code innercircle_analysis_lag_seconds}: how long after a change committed its analysis became current, one
 * sample per change analysed in the background, tagged by whether the centralities had to be recomputed. A change
 * analysed in its own transaction (a small map) is current at its commit and adds no sample.
 */
class AnalysisLagTest extends IntegrationTest {

    @Autowired
    AnalysisRefresher refresher;
    @Autowired
    MeterRegistry metrics;

    @Test
    void eachChangeAnalysedInTheBackgroundRecordsOneLagTaggedByItsKind() throws Exception {
        // Over the in-transaction size (300 people): analysed in the background after each commit.
        Bundle big = BundleGenerator.generate("lagging", 320, 5);
        importBundle(big);
        refresher.refreshLater("lagging").get();
        Bundle.Influence line = big.influences().get(0);
        Bundle.Opportunity deal = big.opportunities().get(0);
        String person = "lagging/" + deal.roles().get(0).stakeholder();

        long structural = count(true);
        long other = count(false);
        double structuralSeconds = seconds(true);
        graphQl.documentName("setInfluence").variable("input", Map.of("from", "lagging/" + line.from(),
                "to", "lagging/" + line.to(), "strength", Integer.valueOf(3).equals(line.strength()) ? 1 : 3))
                .execute().path("setInfluence").hasValue();
        refresher.refreshLater("lagging").get();
        assertThat(count(true)).isEqualTo(structural + 1);
        assertThat(count(false)).isEqualTo(other);
        // Below a minute: the edit's own analysis, not the time since some older change.
        assertThat(seconds(true) - structuralSeconds).isPositive().isLessThan(60);

        graphQl.documentName("setInvolvement").variable("input", Map.of("opportunity", "lagging/" + deal.key(),
                "stakeholder", person, "roles", deal.roles().get(0).roles(), "status", "MENTOR"))
                .execute().path("setInvolvement").hasValue();
        refresher.refreshLater("lagging").get();
        assertThat(count(false)).isEqualTo(other + 1);
        assertThat(count(true)).isEqualTo(structural + 1);

        // A small map is analysed in the edit's transaction: current at its commit, nothing to record.
        Bundle small = BundleGenerator.generate("prompt", 40, 6);
        importBundle(small);
        Bundle.Influence smallLine = small.influences().get(0);
        long before = count(true);
        graphQl.documentName("setInfluence").variable("input", Map.of("from", "prompt/" + smallLine.from(),
                "to", "prompt/" + smallLine.to(), "strength", Integer.valueOf(3).equals(smallLine.strength()) ? 1 : 3))
                .execute().path("setInfluence").hasValue();
        refresher.refreshLater("prompt").get();
        assertThat(count(true)).isEqualTo(before);
    }

    private void importBundle(Bundle bundle) {
        http.post().uri("/api/bundles").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(BundleGenerator.toJson(bundle)).exchange().expectStatus().isOk();
    }

    private Timer timer(boolean structural) {
        return metrics.find("innercircle.analysis.lag").tag("structural", String.valueOf(structural)).timer();
    }

    private long count(boolean structural) {
        Timer timer = timer(structural);
        return timer == null ? 0 : timer.count();
    }

    private double seconds(boolean structural) {
        Timer timer = timer(structural);
        return timer == null ? 0 : timer.totalTime(TimeUnit.SECONDS);
    }
}
