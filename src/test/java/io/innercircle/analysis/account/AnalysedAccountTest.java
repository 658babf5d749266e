package io.innercircle.analysis.account;

import io.innercircle.analysis.MapSnapshot;
import io.innercircle.analysis.MapSnapshot.InfluenceLine;
import io.innercircle.analysis.Bundles;
import io.innercircle.analysis.health.HealthParameters;
import io.innercircle.analysis.health.WarningCode;
import io.innercircle.analysis.innercircle.PersonInfluence;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class AnalysedAccountTest {

    private static final String DEAL = "customer-service-2027";

    @Test
    void oneObjectAnswersEveryQuestionAboutTheCourseExample() {
        AnalysedAccount a = AnalysedAccount.of(Bundles.courseExample());

        assertThat(a.innerCircle().candidates()).extracting(PersonInfluence::key).containsExactly("dis", "cons");
        assertThat(a.strategy(DEAL).require("deng").approach().start()).isEqualTo("rnd");
        assertThat(a.health(DEAL, HealthParameters.asOf(LocalDate.of(2026, 11, 15))).has(WarningCode.NO_SPONSOR))
                .isTrue();
        assertThat(a.paths(DEAL).avoided()).containsExactly("mfg");
        assertThat(a.paths().strongestPath("sys", "svp").orElseThrow().people()).containsExactly("sys", "dis", "svp");
    }

    @Test
    void candidatesDoNotMoveWhenAnUnrelatedWeakLineIsAdded() {
        MapSnapshot g = Bundles.courseExample();
        List<InfluenceLine> lines = new ArrayList<>(g.influenceLines());
        lines.add(new InfluenceLine("ops", "sm", 1));
        MapSnapshot edited = new MapSnapshot(g.accountKey(), g.version() + 1, g.people(), g.reportingLines(), lines,
                g.conflictLines(), g.contacts(), g.deals());

        AnalysedAccount before = AnalysedAccount.of(g);
        AnalysedAccount after = AnalysedAccount.of(edited);
        assertThat(after.innerCircle().candidates()).extracting(PersonInfluence::key).containsExactly("dis", "cons");
        assertThat(after.innerCircle().require("dis").computedLevel())
                .isEqualTo(before.innerCircle().require("dis").computedLevel());
        assertThat(after.innerCircle().require("cons").computedLevel())
                .isEqualTo(before.innerCircle().require("cons").computedLevel());
    }
}
