package io.innercircle.analysis.internal.path;

import io.innercircle.analysis.AccountNetwork;
import io.innercircle.analysis.Bundles;
import io.innercircle.analysis.MapBuilder;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

class InfluencePathFinderTest {

    private static final AccountNetwork COURSE = AccountNetwork.of(Bundles.courseExample());
    private static final String DEAL = "customer-service-2027";

    private static MapBuilder people(String... keys) {
        MapBuilder m = MapBuilder.map();
        for (String k : keys) {
            m.person(k, "t", "d", 3);
        }
        return m;
    }

    @Test
    void theConflictBetweenDanaAndSamLeavesDanaNoRouteToSam() {
        // Dana's line to Sam is the only way her opinion could reach him, and they compete for the same budget.
        assertThat(InfluencePathFinder.forDeal(COURSE, DEAL).strongestPath("dis", "deng")).isEmpty();
        assertThat(InfluencePathFinder.of(COURSE).strongestPath("dis", "deng")).isEmpty();
        assertThat(InfluencePathFinder.of(COURSE).strongestPaths("dis", "deng", 5)).isEmpty();
    }

    @Test
    void kimNovakIsTheOnlyRouteToSamThatAvoidsTheEnemy() {
        InfluencePathFinder deal = InfluencePathFinder.forDeal(COURSE, DEAL);
        assertThat(deal.avoided()).containsExactly("mfg");

        List<InfluencePath> toSam = deal.whoCanReach("deng");
        assertThat(toSam).extracting(InfluencePath::people).containsExactly(List.of("rnd", "deng"));
        assertThat(toSam.get(0).strength()).isCloseTo(2 / 3.0, within(1e-12));
        assertThat(toSam.get(0).describe()).isEqualTo("Kim Novak → Sam Ortiz (medium)");

        // Without the deal's statuses Chris Hale's strong line comes first.
        assertThat(InfluencePathFinder.of(COURSE).whoCanReach("deng")).extracting(InfluencePath::start)
                .containsExactly("mfg", "rnd");

        InfluencePath best = deal.bestFrom(List.of("dis", "sys", "rnd"), "deng").orElseThrow();
        assertThat(best.people()).containsExactly("rnd", "deng");
    }

    @Test
    void whoCanGetMeToTheSeniorVp() {
        List<InfluencePath> toSvp = InfluencePathFinder.forDeal(COURSE, DEAL).whoCanReach("svp");
        assertThat(toSvp).extracting(InfluencePath::people).containsExactly(
                List.of("dis", "svp"), List.of("cons", "svp"), List.of("sys", "dis", "svp"));
        assertThat(toSvp).extracting(InfluencePath::strength).containsExactly(1.0, 2 / 3.0, 1 / 3.0);
        assertThat(toSvp.get(2).describe()).isEqualTo("Alex Park → Dana Wells (weak) → Pat Morgan (strong)");
    }

    @Test
    void kStrongestPathsComeStrongestFirstAndShorterOnATie() {
        AccountNetwork g = people("a", "b", "c", "d", "e")
                .influences("a", "b", 3).influences("b", "d", 3)
                .influences("a", "c", 2).influences("c", "d", 3)
                .influences("a", "d", 1)
                .influences("a", "e", 3).influences("e", "b", 3)
                .network();
        List<InfluencePath> paths = InfluencePathFinder.of(g).strongestPaths("a", "d", 4);

        assertThat(paths).extracting(InfluencePath::people).containsExactly(
                List.of("a", "b", "d"), List.of("a", "e", "b", "d"), List.of("a", "c", "d"), List.of("a", "d"));
        assertThat(paths).extracting(InfluencePath::strength).containsExactly(1.0, 1.0, 2 / 3.0, 1 / 3.0);
    }

    @Test
    void routesNeverPassThroughTheAvoidedButMayEndThere() {
        AccountNetwork g = people("us", "enemy", "friend", "target")
                .influences("us", "enemy", 3).influences("enemy", "target", 3)
                .influences("us", "friend", 2).influences("friend", "target", 2)
                .network();

        assertThat(InfluencePathFinder.of(g).strongestPath("us", "target").orElseThrow().people())
                .containsExactly("us", "enemy", "target");
        InfluencePathFinder careful = InfluencePathFinder.avoiding(g, Set.of("enemy"));
        InfluencePath around = careful.strongestPath("us", "target").orElseThrow();
        assertThat(around.people()).containsExactly("us", "friend", "target");
        assertThat(around.strength()).isCloseTo(4 / 9.0, within(1e-12));
        assertThat(careful.strongestPath("us", "enemy").orElseThrow().people()).containsExactly("us", "enemy");
        assertThat(careful.whoCanReach("target")).extracting(InfluencePath::start).containsExactly("friend", "us");
    }

    @Test
    void withinNHopsLooksBothWays() {
        InfluencePathFinder f = InfluencePathFinder.of(COURSE);

        // Alex's opinion reaches Dana, and through her the Senior VP and Lee Chen; nothing on the map reaches Alex.
        List<Reach> aroundAlex = f.within("sys", 2);
        assertThat(aroundAlex).extracting(Reach::key, Reach::direction, Reach::hops).containsExactly(
                tuple("dis", Reach.Direction.SHAPES, 1),
                tuple("svp", Reach.Direction.SHAPES, 2),
                tuple("dsm", Reach.Direction.SHAPES, 2));
        assertThat(aroundAlex).extracting(Reach::strength).containsExactly(1 / 3.0, 1 / 3.0, 2 / 9.0);
        assertThat(f.within("sys", 1)).extracting(Reach::key).containsExactly("dis");

        // Dana's line to Sam is a conflict line and is not used; the consultant and Alex shape Dana.
        List<Reach> aroundDana = f.within("dis", 3);
        assertThat(aroundDana).extracting(Reach::key, Reach::direction).containsExactly(
                tuple("svp", Reach.Direction.SHAPES),
                tuple("dsm", Reach.Direction.SHAPES),
                tuple("cons", Reach.Direction.SHAPED_BY),
                tuple("sys", Reach.Direction.SHAPED_BY));
        assertThat(aroundDana.get(2).path().people()).containsExactly("cons", "dis");
    }

    @Test
    void withinNHopsKeepsTheStrongestRouteThatFitsTheLimit() {
        AccountNetwork g = people("a", "b", "c", "d")
                .influences("a", "d", 1)
                .influences("a", "b", 3).influences("b", "c", 3).influences("c", "d", 3)
                .network();
        InfluencePathFinder f = InfluencePathFinder.of(g);

        assertThat(f.within("a", 2)).filteredOn(r -> r.key().equals("d")).singleElement()
                .satisfies(r -> assertThat(r.path().people()).containsExactly("a", "d"));
        assertThat(f.within("a", 3)).filteredOn(r -> r.key().equals("d")).singleElement()
                .satisfies(r -> assertThat(r.path().people()).containsExactly("a", "b", "c", "d"));
    }

    @Test
    void rejectsMeaninglessQueries() {
        InfluencePathFinder f = InfluencePathFinder.of(COURSE);
        assertThatThrownBy(() -> f.strongestPath("dis", "dis")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> f.strongestPaths("dis", "svp", 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> f.within("dis", 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> f.whoCanReach("nobody")).isInstanceOf(IllegalArgumentException.class);
    }
}
