package io.innercircle.analysis;
import io.innercircle.vocabulary.Coverage;



import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AccountNetworkTest {

    @Test
    void projectsInfluenceFromShaperToListenerAndReportingFromManagerToReport() {
        AccountNetwork g = AccountNetwork.of(Bundles.courseExample());

        assertThat(g.influence().vertexSet()).hasSize(11);
        assertThat(g.influence().edgeSet()).hasSize(9);
        assertThat(g.influence().getEdgeWeight(g.influence().getEdge("dis", "svp"))).isEqualTo(3.0);
        assertThat(g.influence().containsEdge("svp", "dis")).isFalse();
        assertThat(g.formal().containsEdge("svp", "dis")).isTrue();
        assertThat(g.reports("dis")).containsExactly("sys", "ops");
        assertThat(g.listenersOf("dis")).containsExactly("svp", "deng", "dsm");
        assertThat(g.influencersOf("dis")).containsExactly("sys", "cons");
        assertThat(g.inConflict("dis", "deng")).isTrue();
        assertThat(g.inConflict("deng", "dis")).isTrue();
        assertThat(g.bestCoverage("dis")).isEqualTo(Coverage.IN_DEPTH);
        assertThat(g.bestCoverage("cons")).isNull();
        assertThat(g.depth("svp")).isZero();
        assertThat(g.depth("sys")).isEqualTo(2);
        assertThat(g.describe("svp")).isEqualTo("Pat Morgan (Senior VP, rank 5)");
        assertThat(g.differentDepartments("dis", "svp")).isTrue();
        assertThat(g.differentDepartments("dis", "sys")).isFalse();
    }

    @Test
    void theGraphsHandedOutCannotBeChanged() {
        AccountNetwork g = AccountNetwork.of(Bundles.courseExample());
        assertThatThrownBy(() -> g.influence().addVertex("intruder")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> g.formal().removeVertex("svp")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void formalLevelComesFromRankElseFromTheReportingLines() {
        AccountNetwork g = MapBuilder.map()
                .person("vp", "VP", "Ops", 5)
                .person("dir", "Director", "Ops", null).reportsTo("dir", "vp")
                .person("mgr", "Manager", "Ops", null).reportsTo("mgr", "dir")
                // an unranked boss above a ranked report: one level above the report
                .person("head", "Head", "Lab", null)
                .person("lead", "Lead", "Lab", 2).reportsTo("lead", "head")
                // a whole unranked tree: counted down from the top
                .person("top", "Owner", "Shop", null)
                .person("clerk", "Clerk", "Shop", null).reportsTo("clerk", "top")
                // nobody places them
                .person("loner", "Consultant", "External", null)
                .network();

        assertThat(g.formalLevel("vp")).isEqualTo(new FormalLevel(5, FormalLevel.Source.RANK));
        assertThat(g.formalLevel("dir")).isEqualTo(new FormalLevel(4, FormalLevel.Source.REPORTING_LINE));
        assertThat(g.formalLevel("mgr")).isEqualTo(new FormalLevel(3, FormalLevel.Source.REPORTING_LINE));
        assertThat(g.formalLevel("head")).isEqualTo(new FormalLevel(3, FormalLevel.Source.REPORTING_LINE));
        assertThat(g.formalLevel("top")).isEqualTo(new FormalLevel(5, FormalLevel.Source.REPORTING_LINE));
        assertThat(g.formalLevel("clerk")).isEqualTo(new FormalLevel(4, FormalLevel.Source.REPORTING_LINE));
        assertThat(g.formalLevel("loner")).isEqualTo(FormalLevel.UNKNOWN);
        assertThat(g.describe("mgr")).isEqualTo("mgr (Manager, level 3)");
    }

    @Test
    void rejectsInputTheImporterWouldHaveRejected() {
        assertThatThrownBy(() -> MapBuilder.map().person("a", "t", "d", 1).influences("a", "ghost", 2).network())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'ghost', who is not on the map");
        assertThatThrownBy(() -> MapBuilder.map().person("a", "t", "d", 1).person("b", "t", "d", 1)
                .influences("a", "b", 4).network())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("strength 4");
        assertThatThrownBy(() -> MapBuilder.map().person("a", "t", "d", 1).person("b", "t", "d", 1)
                .influences("a", "b", 2).influences("a", "b", 3).network())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("appears twice");
        assertThatThrownBy(() -> MapBuilder.map().person("a", "t", "d", 1).person("b", "t", "d", 1)
                .reportsTo("a", "b").reportsTo("b", "a").network())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cycle");
        assertThatThrownBy(() -> MapBuilder.map().person("a", "t", "d", 1).contact("randy", "a", "SOMETIMES", null)
                .network())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Unknown coverage 'SOMETIMES'");
    }
}
