package io.innercircle.analysis.innercircle;

import io.innercircle.analysis.MapSnapshot;
import io.innercircle.analysis.MapSnapshot.Person;
import io.innercircle.analysis.AccountNetwork;
import io.innercircle.analysis.Bundles;
import io.innercircle.analysis.MapBuilder;
import io.innercircle.bundle.BundleGenerator;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.innercircle.analysis.innercircle.Disagreement.Kind.GRAPH_CANDIDATE_NOT_JUDGED;
import static io.innercircle.analysis.innercircle.Disagreement.Kind.GRAPH_CANDIDATE_REP_SAYS_NO;
import static io.innercircle.analysis.innercircle.Disagreement.Kind.JUDGED_INFLUENCE_DIFFERS;
import static io.innercircle.analysis.innercircle.Disagreement.Kind.REP_SAYS_INNER_CIRCLE_GRAPH_DOES_NOT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class CandidateScoringTest {

    private static List<String> candidateKeys(InnerCircleReport r) {
        return r.candidates().stream().map(PersonInfluence::key).toList();
    }

    @Test
    void theCentreOfAStarAcrossDepartmentsIsTheOnlyCandidate() {
        MapBuilder m = MapBuilder.map().person("hub", "Programme manager", "PMO", 3);
        String[] depts = {"Sales", "Sales", "Engineering", "Engineering", "Finance"};
        for (int i = 0; i < depts.length; i++) {
            m.person("leaf" + i, "Manager", depts[i], 3).influences("hub", "leaf" + i, 2);
        }
        InnerCircleReport r = CandidateScoring.analyse(m.network());

        assertThat(candidateKeys(r)).containsExactly("hub");
        PersonInfluence hub = r.require("hub");
        // Top on both network measures, five listeners, three other departments, nobody above: 0.25+0.2+0.25+0.15.
        assertThat(hub.computedInfluence()).isCloseTo(0.85, within(1e-9));
        assertThat(hub.computedLevel()).isEqualTo(5);
        assertThat(hub.departmentsBridged()).containsExactly("PMO", "Sales", "Engineering", "Finance");
        assertThat(r.require("leaf0").computedInfluence()).isZero();
        assertThat(r.require("leaf0").band()).isEqualTo(Band.FORMAL_STRUCTURE);
    }

    @Test
    void aManagerFollowedOnlyByTheirOwnTeamIsNotInnerCircle() {
        MapBuilder m = MapBuilder.map().person("boss", "Team lead", "Support", 3);
        for (int i = 0; i < 5; i++) {
            m.person("m" + i, "Agent", "Support", 1).reportsTo("m" + i, "boss").influences("boss", "m" + i, 3);
        }
        InnerCircleReport r = CandidateScoring.analyse(m.network());

        assertThat(r.candidates()).isEmpty();
        PersonInfluence boss = r.require("boss");
        assertThat(boss.computedLevel()).isGreaterThanOrEqualTo(4);
        assertThat(boss.reasons().get(0)).startsWith("Not an Inner Circle candidate: everyone who takes their lead "
                + "is in their own department and not above them in rank");
        assertThat(boss.band()).isEqualTo(Band.POLITICAL_STRUCTURE);
    }

    @Test
    void aChainHasNoCentreAndInfluenceFallsAlongIt() {
        AccountNetwork g = MapBuilder.map()
                .person("a", "t", "A", 3).person("b", "t", "B", 3).person("c", "t", "C", 3)
                .person("d", "t", "D", 3).person("e", "t", "E", 3)
                .influences("a", "b", 2).influences("b", "c", 2).influences("c", "d", 2).influences("d", "e", 2)
                .network();
        InnerCircleReport r = CandidateScoring.analyse(g);

        assertThat(r.candidates()).isEmpty();
        // The head of the chain reaches everyone and is listened to by someone who is listened to, and so on down.
        assertThat(r.people()).extracting(PersonInfluence::key).containsExactly("a", "b", "c", "d", "e");
        assertThat(r.require("a").listeners()).extracting(Listener::key).containsExactly("b");
        assertThat(r.require("a").reasons().get(0)).contains("1 person").contains("2 needed");
        assertThat(r.require("e").computedInfluence()).isZero();
    }

    /** Two departments of four who all advise each other, joined through x, who trades advice with each lead. */
    private static MapBuilder barbell(boolean leadsAdviseX) {
        MapBuilder m = MapBuilder.map().person("x", "Operations lead", "Operations", 3);
        for (String c : new String[]{"a", "b"}) {
            String dept = c.equals("a") ? "Sales" : "Engineering";
            for (int i = 1; i <= 4; i++) {
                m.person(c + i, "Manager", dept, 3);
            }
            for (int i = 1; i <= 4; i++) {
                for (int j = 1; j <= 4; j++) {
                    if (i != j) {
                        m.influences(c + i, c + j, 2);
                    }
                }
            }
            m.influences("x", c + "1", 3);
            if (leadsAdviseX) {
                m.influences(c + "1", "x", 3);
            }
        }
        return m;
    }

    @Test
    void theGoBetweenOfTwoCliquesHasTopBetweennessButTheLeadsItConnectsAreTheCandidates() {
        InnerCircleReport r = CandidateScoring.analyse(barbell(true).network());

        PersonInfluence x = r.require("x");
        assertThat(x.measure(MeasureKind.BETWEENNESS).percentile()).isEqualTo(1.0);
        // x relays between the two leads (the Political Structure's role); a1 and b1 each have their department
        // and x taking their lead, so they are the centres.
        assertThat(candidateKeys(r)).containsExactlyInAnyOrder("a1", "b1");
        assertThat(x.candidate()).isFalse();
        assertThat(x.band()).isEqualTo(Band.POLITICAL_STRUCTURE);
        assertThat(r.require("a1").departmentsBridged()).containsExactly("Sales", "Operations");
        assertThat(r.require("a2").reasons().get(0)).contains("everyone who takes their lead is in their own department");
    }

    @Test
    void anAdvisorOfBothDepartmentLeadsWhoRanksBelowThemIsACandidate() {
        MapBuilder m = barbell(false);
        MapSnapshot g = m.build();
        // Same shape as above but x now ranks below the leads and only advises them: influence flows up and across.
        List<Person> people = g.people().stream()
                .map(p -> p.key().equals("x") ? new Person("x", "x", "Analyst", "Operations", 2, null, null, false,
                        false, null) : p)
                .toList();
        MapSnapshot lowerX = new MapSnapshot(g.accountKey(), g.version(), people, g.reportingLines(),
                g.influenceLines(), g.conflictLines(), g.contacts(), g.deals());
        InnerCircleReport r = CandidateScoring.analyse(AccountNetwork.of(lowerX));

        assertThat(candidateKeys(r)).containsExactly("x");
        assertThat(r.require("x").seniorListeners()).isEqualTo(2);
        assertThat(r.require("a1").candidate()).isFalse();
    }

    /** A strategy analyst (rank 1) whom three rank-5 executives and a VP go to for advice. */
    private static MapBuilder executivesAndTheirAdvisor() {
        return MapBuilder.map()
                .person("ceo", "CEO", "Executive", 5).person("cfo", "CFO", "Finance", 5)
                .person("coo", "COO", "Operations", 5).person("vps", "VP Sales", "Sales", 4)
                .person("analyst", "Strategy Analyst", "Strategy", 1).person("rep", "Sales rep", "Sales", 2)
                .reportsTo("cfo", "ceo").reportsTo("coo", "ceo").reportsTo("vps", "ceo")
                .reportsTo("analyst", "cfo").reportsTo("rep", "vps")
                .influences("analyst", "ceo", 3).influences("analyst", "cfo", 3)
                .influences("analyst", "coo", 2).influences("analyst", "vps", 2)
                .influences("vps", "rep", 2).influences("cfo", "coo", 1);
    }

    @Test
    void aLowRankHubAdvisingTheExecutivesIsACandidateFarBeyondTheirRank() {
        InnerCircleReport r = CandidateScoring.analyse(executivesAndTheirAdvisor().network());

        assertThat(candidateKeys(r)).containsExactly("analyst");
        PersonInfluence a = r.require("analyst");
        assertThat(a.computedInfluence()).isCloseTo(1.0, within(1e-9));
        assertThat(a.computedLevel()).isEqualTo(5);
        assertThat(a.influenceBeyondRank()).isEqualTo(4);
        assertThat(a.seniorListeners()).isEqualTo(4);
        assertThat(a.listeners()).extracting(Listener::key).containsExactly("ceo", "cfo", "coo", "vps");
        assertThat(a.reasons()).contains(
                "ceo (CEO, rank 5), cfo (CFO, rank 5), coo (COO, rank 5) and vps (VP Sales, rank 4) take their lead.",
                "Their influence runs up the hierarchy: ceo (rank 5), cfo (rank 5), coo (rank 5) and vps (rank 4) "
                        + "rank above analyst (rank 1).",
                "Bridges departments: Strategy (their own), Executive, Finance, Operations and Sales.",
                "Computed influence level 5 of 5 against rank 1: 4 levels above their rank.");
    }

    @Test
    void aHighRankPersonNobodyListensToIsNotACandidate() {
        InnerCircleReport r = CandidateScoring.analyse(executivesAndTheirAdvisor().network());

        PersonInfluence ceo = r.require("ceo");
        assertThat(ceo.candidate()).isFalse();
        assertThat(ceo.computedInfluence()).isZero();
        assertThat(ceo.computedLevel()).isEqualTo(1);
        assertThat(ceo.influenceBeyondRank()).isEqualTo(-4);
        assertThat(ceo.band()).isEqualTo(Band.FORMAL_STRUCTURE);
        assertThat(ceo.reasons()).containsExactly(
                "Not an Inner Circle candidate: nobody on the map is recorded as taking their lead.",
                "Computed influence level 1 of 5 against rank 5: 4 levels below their rank.");
        // Even with every threshold relaxed, rank alone never makes a candidate.
        InnerCircleReport relaxed = CandidateScoring.analyse(executivesAndTheirAdvisor().network(),
                new InnerCircleParameters(10, 0.0, 1));
        assertThat(relaxed.isCandidate("ceo")).isFalse();
    }

    @Test
    void courseExampleNamesTheDirectorOfInformationServicesAndTheConsultant() {
        InnerCircleReport r = CandidateScoring.analyse(AccountNetwork.of(Bundles.courseExample()));

        assertThat(candidateKeys(r)).containsExactly("dis", "cons");
        PersonInfluence dis = r.require("dis");
        assertThat(dis.computedInfluence()).isCloseTo(0.90, within(1e-9));
        assertThat(dis.computedLevel()).isEqualTo(5);
        assertThat(dis.influenceBeyondRank()).isEqualTo(1);
        assertThat(dis.reasons()).containsExactly(
                "Inner Circle candidate: computed influence 0.90 (level 5 of 5), threshold 0.60.",
                "Pat Morgan (Senior VP, rank 5), Lee Chen (Director of Sales and Marketing, rank 4) and Sam Ortiz "
                        + "(Director of Engineering, rank 4) take their lead.",
                "Their influence runs up the hierarchy: Pat Morgan (rank 5) ranks above Dana Wells (rank 4).",
                "Bridges departments: Information Services (their own), Executive, Sales & Marketing and Engineering.",
                "Computed influence level 5 of 5 against rank 4: 1 level above their rank.",
                "Network position: clearly ahead of 9 of the 10 others on being listened to by people who are "
                        + "themselves listened to (PageRank); ahead of all 10 others on how quickly their opinion "
                        + "reaches the rest of the map (harmonic closeness).");

        // The consultant advises the Senior VP and Dana Wells herself: top PageRank, three levels above rank 2.
        PersonInfluence cons = r.require("cons");
        assertThat(cons.measure(MeasureKind.PAGE_RANK).percentile()).isEqualTo(1.0);
        assertThat(cons.influenceBeyondRank()).isEqualTo(3);
        assertThat(cons.reasons()).contains(
                "Morgan Blake is external (not on the customer's payroll) yet shapes decisions inside.");

        // The Senior VP outranks everyone, but nobody on the map is recorded as taking their lead.
        assertThat(r.require("svp").band()).isEqualTo(Band.FORMAL_STRUCTURE);
        assertThat(r.require("svp").computedLevel()).isEqualTo(1);
        // One listener each: advisors to their own director, not centres of the network.
        for (String oneListener : List.of("sys", "mfg", "pmm", "rnd")) {
            assertThat(r.require(oneListener).reasons().get(0)).contains("1 person takes their lead");
        }
    }

    @Test
    void courseExampleChartPointsCarryRankJudgementAndComputedLevel() {
        InnerCircleReport r = CandidateScoring.analyse(AccountNetwork.of(Bundles.courseExample()));

        RankInfluencePoint dis = r.chart().stream().filter(p -> p.key().equals("dis")).findFirst().orElseThrow();
        assertThat(dis).isEqualTo(new RankInfluencePoint("dis", "Dana Wells", 4, 4,
                io.innercircle.analysis.FormalLevel.Source.RANK, 5, 5, Band.INNER_CIRCLE, Band.POLITICAL_STRUCTURE));
        RankInfluencePoint svp = r.chart().stream().filter(p -> p.key().equals("svp")).findFirst().orElseThrow();
        assertThat(svp.band()).isEqualTo(Band.FORMAL_STRUCTURE);
        assertThat(svp.judgedBand()).isEqualTo(Band.FORMAL_STRUCTURE);
        assertThat(r.chart()).hasSize(11);
    }

    @Test
    void courseExampleFlagsUnjudgedCandidatesAndJudgementsFarFromTheMap() {
        InnerCircleReport r = CandidateScoring.analyse(AccountNetwork.of(Bundles.courseExample()));

        assertThat(r.disagreements()).extracting(Disagreement::kind, Disagreement::key).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple(GRAPH_CANDIDATE_NOT_JUDGED, "dis"),
                org.assertj.core.groups.Tuple.tuple(GRAPH_CANDIDATE_NOT_JUDGED, "cons"),
                // judged 4, 4 and 3, but nobody on the map takes their lead
                org.assertj.core.groups.Tuple.tuple(JUDGED_INFLUENCE_DIFFERS, "svp"),
                org.assertj.core.groups.Tuple.tuple(JUDGED_INFLUENCE_DIFFERS, "deng"),
                org.assertj.core.groups.Tuple.tuple(JUDGED_INFLUENCE_DIFFERS, "dsm"));
        Disagreement svp = r.disagreements().stream().filter(d -> d.key().equals("svp")).findFirst().orElseThrow();
        assertThat(svp.message()).isEqualTo("You judged Pat Morgan's influence 4 of 5; the map gives 1. Nobody on "
                + "the map is recorded as taking their lead: add the influence lines you know of, or lower your "
                + "judgement.");
    }

    @Test
    void disagreementsRunBothWays() {
        AccountNetwork g = MapBuilder.map()
                .person(new Person("hub", "Hub", "Advisor", "Strategy", 2, 1, false, false, false, null))
                .person(new Person("boss", "Boss", "CEO", "Executive", 5, 5, true, false, false, null))
                .person("x", "Director", "Finance", 4).person("y", "Director", "Sales", 4)
                .influences("hub", "boss", 3).influences("hub", "x", 3).influences("hub", "y", 3)
                .network();
        InnerCircleReport r = CandidateScoring.analyse(g);

        assertThat(r.disagreements()).extracting(Disagreement::kind, Disagreement::key).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple(GRAPH_CANDIDATE_REP_SAYS_NO, "hub"),
                org.assertj.core.groups.Tuple.tuple(JUDGED_INFLUENCE_DIFFERS, "hub"),
                org.assertj.core.groups.Tuple.tuple(REP_SAYS_INNER_CIRCLE_GRAPH_DOES_NOT, "boss"),
                org.assertj.core.groups.Tuple.tuple(JUDGED_INFLUENCE_DIFFERS, "boss"));
        Disagreement boss = r.disagreements().stream()
                .filter(d -> d.kind() == REP_SAYS_INNER_CIRCLE_GRAPH_DOES_NOT).findFirst().orElseThrow();
        assertThat(boss.message()).isEqualTo("You marked Boss as Inner Circle, but the map does not put them at the "
                + "centre of the network: nobody on the map is recorded as taking their lead. Add the influence lines "
                + "you know of, or reconsider.");
        // The rep's "no" is kept apart from the graph's verdict; planning follows the rep.
        assertThat(r.require("hub").candidate()).isTrue();
        assertThat(r.require("hub").treatedAsInnerCircle()).isFalse();
        assertThat(r.require("boss").treatedAsInnerCircle()).isTrue();
        // A judged influence one level off is not a disagreement.
        assertThat(r.disagreements()).noneMatch(d -> d.key().equals("x"));
    }

    @Test
    void maxCandidatesAndMinScoreLimitTheList() {
        AccountNetwork g = AccountNetwork.of(Bundles.courseExample());

        InnerCircleReport one = CandidateScoring.analyse(g, InnerCircleParameters.defaults().withMaxCandidates(1));
        assertThat(candidateKeys(one)).containsExactly("dis");
        assertThat(one.require("cons").candidate()).isFalse();
        assertThat(one.require("cons").computedInfluence()).isCloseTo(0.90, within(0.005));
        assertThat(one.require("cons").reasons().get(0)).contains("0.90").contains("2nd").contains("top 1");

        InnerCircleReport strict = CandidateScoring.analyse(g, InnerCircleParameters.defaults().withMinScore(0.95));
        assertThat(strict.candidates()).isEmpty();
        assertThat(strict.require("dis").candidate()).isFalse();
        assertThat(strict.require("dis").reasons().get(0)).contains("0.90").contains("0.95");
    }

    @Test
    void levelsAreFifthsOfTheScore() {
        assertThat(CandidateScoring.level(0.0)).isEqualTo(1);
        assertThat(CandidateScoring.level(0.199)).isEqualTo(1);
        assertThat(CandidateScoring.level(0.2)).isEqualTo(2);
        assertThat(CandidateScoring.level(0.25 + 0.2 + 0.15)).isEqualTo(4);
        assertThat(CandidateScoring.level(0.8)).isEqualTo(5);
        assertThat(CandidateScoring.level(1.0)).isEqualTo(5);
    }

    @Test
    void percentilesTreatNearlyEqualValuesAsTies() {
        double[] p = Percentiles.of(new double[] {1.0, 0.97, 0.5, 0.0});
        assertThat(p[0]).isCloseTo(2 / 3.0, within(1e-12));
        assertThat(p[1]).isCloseTo(2 / 3.0, within(1e-12));
        assertThat(p[2]).isCloseTo(1 / 3.0, within(1e-12));
        assertThat(p[3]).isZero();
    }

    @Test
    void reasonsReadFromSeveralThreadsAtOnceAreTheOnesReadOneByOne() throws Exception {
        MapSnapshot map = Bundles.read(BundleGenerator.toTree(BundleGenerator.generate("lazy", 300, 7)));
        List<PersonInfluence> oneByOne = CandidateScoring.analyse(AccountNetwork.of(map)).people();
        List<PersonInfluence> atOnce = CandidateScoring.analyse(AccountNetwork.of(map)).people();
        int threads = 4;
        java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
        try {
            List<java.util.concurrent.Future<List<List<String>>>> read = new java.util.ArrayList<>();
            for (int t = 0; t < threads; t++) {
                read.add(pool.submit(() -> {
                    start.await();
                    return atOnce.stream().map(p -> List.copyOf(p.reasons())).toList();
                }));
            }
            start.countDown();
            List<List<String>> expected = oneByOne.stream().map(p -> List.copyOf(p.reasons())).toList();
            assertThat(expected).allSatisfy(reasons -> assertThat(reasons).isNotEmpty());
            for (var f : read) {
                assertThat(f.get()).isEqualTo(expected);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(atOnce).isEqualTo(oneByOne);
    }
}
