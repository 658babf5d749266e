package io.innercircle.analysis.account;

import io.innercircle.analysis.AccountGraph;
import io.innercircle.analysis.AccountGraph.InfluenceLine;
import io.innercircle.analysis.Bundles;
import io.innercircle.analysis.health.HealthParameters;
import io.innercircle.analysis.health.WarningCode;
import io.innercircle.analysis.innercircle.PersonInfluence;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class AccountAnalysisTest {

    private static final String DEAL = "customer-service-2027";

    @Test
    void oneObjectAnswersEveryQuestionAboutTheCourseExample() {
        AccountAnalysis a = AccountAnalysis.of(Bundles.courseExample());

        assertThat(a.innerCircle().candidates()).extracting(PersonInfluence::key).containsExactly("dis", "cons");
        assertThat(a.strategy(DEAL).require("deng").approach().start()).isEqualTo("rnd");
        assertThat(a.health(DEAL, HealthParameters.asOf(LocalDate.of(2026, 11, 15))).has(WarningCode.NO_SPONSOR))
                .isTrue();
        assertThat(a.paths(DEAL).avoided()).containsExactly("mfg");
        assertThat(a.paths().strongestPath("sys", "svp").orElseThrow().people()).containsExactly("sys", "dis", "svp");
    }

    @Test
    void candidatesDoNotMoveWhenAnUnrelatedWeakLineIsAdded() {
        AccountGraph g = Bundles.courseExample();
        List<InfluenceLine> lines = new ArrayList<>(g.influenceLines());
        lines.add(new InfluenceLine("ops", "sm", 1));
        AccountGraph edited = new AccountGraph(g.accountKey(), g.version() + 1, g.people(), g.reportingLines(), lines,
                g.conflictLines(), g.contacts(), g.deals());

        AccountAnalysis before = AccountAnalysis.of(g);
        AccountAnalysis after = AccountAnalysis.of(edited);
        assertThat(after.innerCircle().candidates()).extracting(PersonInfluence::key).containsExactly("dis", "cons");
        assertThat(after.innerCircle().require("dis").computedLevel())
                .isEqualTo(before.innerCircle().require("dis").computedLevel());
        assertThat(after.innerCircle().require("cons").computedLevel())
                .isEqualTo(before.innerCircle().require("cons").computedLevel());
    }
}
