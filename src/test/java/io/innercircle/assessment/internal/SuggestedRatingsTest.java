package io.innercircle.assessment.internal;

import io.innercircle.assessment.Criterion;
import io.innercircle.assessment.Rating;
import io.innercircle.analysis.MapSnapshot.Person;
import io.innercircle.analysis.MapBuilder;
import io.innercircle.analysis.account.AnalysedAccount;
import io.innercircle.analysis.deal.DealContext;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/** Each rule of the map-suggested ratings giving +, - and ?. */
class SuggestedRatingsTest {

    private static final LocalDate DAY = LocalDate.of(2026, 11, 1);

    private static Person person(String key, Integer judgedInfluence, Boolean innerCircle) {
        return new Person(key, key.toUpperCase(), "Title of " + key, "Dept", 3, judgedInfluence, innerCircle, false,
                false, null);
    }

    private static DealContext deal(MapBuilder map) {
        return AnalysedAccount.of(map.deal("d").build()).deal("d");
    }

    @Test
    void anEmptyDealSuggestsUnknownEverywhere() {
        DealContext deal = deal(MapBuilder.map().person(person("a", null, null)));
        assertThat(SuggestedRatings.of(deal)).extracting(SuggestedRating::rating)
                .containsOnly(Rating.UNKNOWN);
        assertThat(SuggestedRatings.of(deal)).extracting(SuggestedRating::criterion).containsExactly(
                Criterion.CURRENT_RELATIONSHIP, Criterion.INSIDE_SUPPORT, Criterion.EXECUTIVE_CREDIBILITY,
                Criterion.POLITICAL_ALIGNMENT);
    }

    @Test
    void currentRelationshipCountsRealRelationshipsWithKeyPlayers() {
        MapBuilder map = MapBuilder.map().person(person("dm", null, false)).person(person("ap", null, false))
                .involved("d", "dm", "NEUTRAL", "DECISION_MAKER").involved("d", "ap", "NEUTRAL", "APPROVER")
                .contact("randy", "dm", "MULTIPLE", DAY).contact("randy", "ap", "BRIEF", DAY);
        assertThat(SuggestedRatings.currentRelationship(deal(map)).rating()).isEqualTo(Rating.PLUS);
        MapBuilder weak = MapBuilder.map().person(person("dm", null, false)).person(person("ap", null, false))
                .involved("d", "dm", "NEUTRAL", "DECISION_MAKER").involved("d", "ap", "NEUTRAL", "APPROVER")
                .contact("randy", "dm", "BRIEF", DAY);
        SuggestedRating rating = SuggestedRatings.currentRelationship(deal(weak));
        assertThat(rating.rating()).isEqualTo(Rating.MINUS);
        assertThat(rating.reasons()).contains("AP, Title of ap: no contact");
    }

    @Test
    void insideSupportNeedsASupporterWithInfluence() {
        MapBuilder weak = MapBuilder.map().person(person("fan", 2, false)).involved("d", "fan", "SUPPORTER", "USER");
        assertThat(SuggestedRatings.insideSupport(deal(weak)).rating()).isEqualTo(Rating.MINUS);
        MapBuilder strong = MapBuilder.map().person(person("fan", 5, false)).involved("d", "fan", "MENTOR", "USER");
        assertThat(SuggestedRatings.insideSupport(deal(strong)).rating()).isEqualTo(Rating.PLUS);
        MapBuilder none = MapBuilder.map().person(person("x", 5, false)).involved("d", "x", "NEUTRAL", "USER");
        assertThat(SuggestedRatings.insideSupport(deal(none)).reasons())
                .containsExactly("nobody in this opportunity is recorded as a mentor or supporter");
    }

    @Test
    void executiveCredibilityNeedsEveryDecisionMakerAndApprover() {
        MapBuilder good = MapBuilder.map().person(person("dm", null, false)).person(person("ap", null, false))
                .involved("d", "dm", "SUPPORTER", "DECISION_MAKER").involved("d", "ap", "NEUTRAL", "APPROVER")
                .contact("randy", "dm", "IN_DEPTH", DAY).contact("nicole", "ap", "MULTIPLE", DAY);
        assertThat(SuggestedRatings.executiveCredibility(deal(good)).rating()).isEqualTo(Rating.PLUS);
        MapBuilder opposed = MapBuilder.map().person(person("dm", null, false)).person(person("ap", null, false))
                .involved("d", "dm", "SUPPORTER", "DECISION_MAKER").involved("d", "ap", "ENEMY", "APPROVER")
                .contact("randy", "dm", "IN_DEPTH", DAY).contact("nicole", "ap", "MULTIPLE", DAY);
        assertThat(SuggestedRatings.executiveCredibility(deal(opposed)).rating()).isEqualTo(Rating.MINUS);
    }

    @Test
    void politicalAlignmentIsOurStandingWithTheInnerCircle() {
        MapBuilder majority = MapBuilder.map().person(person("a", null, true)).person(person("b", null, true))
                .person(person("c", null, true)).involved("d", "a", "SUPPORTER").involved("d", "b", "MENTOR");
        assertThat(SuggestedRatings.politicalAlignment(deal(majority)).rating()).isEqualTo(Rating.PLUS);
        MapBuilder undecided = MapBuilder.map().person(person("a", null, true)).person(person("b", null, true))
                .involved("d", "a", "SUPPORTER");
        assertThat(SuggestedRatings.politicalAlignment(deal(undecided)).rating()).isEqualTo(Rating.UNKNOWN);
        MapBuilder opposed = MapBuilder.map().person(person("a", null, true)).person(person("b", null, true))
                .involved("d", "a", "SUPPORTER").involved("d", "b", "NON_SUPPORTER");
        assertThat(SuggestedRatings.politicalAlignment(deal(opposed)).reasons().get(0))
                .isEqualTo("1 of the 2 Inner Circle people oppose us");
        MapBuilder neutral = MapBuilder.map().person(person("a", null, true)).person(person("b", null, true))
                .involved("d", "a", "NEUTRAL").involved("d", "b", "NEUTRAL");
        assertThat(SuggestedRatings.politicalAlignment(deal(neutral)).rating()).isEqualTo(Rating.MINUS);
    }
}
