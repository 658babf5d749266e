package io.innercircle.assessment.internal;

import io.innercircle.assessment.Criterion;
import io.innercircle.assessment.Rating;
import io.innercircle.analysis.MapSnapshot.Contact;
import io.innercircle.analysis.AccountNetwork;
import io.innercircle.analysis.deal.DealContext;
import io.innercircle.analysis.innercircle.PersonInfluence;
import io.innercircle.vocabulary.BuyingRole;
import io.innercircle.vocabulary.Coverage;
import io.innercircle.vocabulary.Status;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Ratings for the four criteria about people, read off the political map of one deal (through the analysis:
 * key players, Inner Circle, allies). The rules, each giving + , - or ? with the people behind it:
 *
 * <ul>
 *   <li><b>#9 Current relationship</b> (weak ↔ strong), our relationships with the key players (decision makers,
 *   approvers, sponsors, Inner Circle): + when we have a real relationship (multiple or in-depth contact) with
 *   at least half of them, - when with fewer, ? when no key player is identified.</li>
 *   <li><b>#11 Inside support</b>: + when a mentor or supporter has influence (Inner Circle, or computed or
 *   judged influence 4 or 5), - when nobody supports us or our supporters have little influence, ? when our
 *   status with nobody in the deal is recorded.</li>
 *   <li><b>#12 Executive credibility</b>, our standing with the decision makers and approvers: + when we have a
 *   real relationship with every one of them and none opposes us, - when one opposes us or we have no real
 *   relationship with one, ? when none is identified.</li>
 *   <li><b>#15 Political alignment</b>, our standing with the Inner Circle: - when one of them opposes us, +
 *   when most of them support us, - when they could not be a majority even if every unknown status were
 *   supportive, ? otherwise (the unknown statuses decide) and when no Inner Circle is identified.</li>
 * </ul>
 */
public final class SuggestedRatings {

    private SuggestedRatings() {
    }

    public static List<SuggestedRating> of(DealContext deal) {
        return List.of(currentRelationship(deal), insideSupport(deal), executiveCredibility(deal),
                politicalAlignment(deal));
    }

    static SuggestedRating currentRelationship(DealContext deal) {
        List<String> keyPlayers = deal.keyPlayers();
        if (keyPlayers.isEmpty()) {
            return new SuggestedRating(Criterion.CURRENT_RELATIONSHIP, Rating.UNKNOWN,
                    List.of("no key player (decision maker, approver, sponsor or Inner Circle) is identified on the map"));
        }
        List<String> reasons = new ArrayList<>();
        int real = 0;
        for (String k : keyPlayers) {
            Optional<Contact> contact = deal.bestContact(k);
            Coverage coverage = contact.map(c -> Coverage.parse(c.coverage())).orElse(Coverage.NONE);
            if (coverage.isRealRelationship()) {
                real++;
            }
            reasons.add(person(deal, k) + ": " + contact.map(c -> AccountNetwork.teamMemberName(c) + " has " + coverage.label()
                    + (c.relationship() == null ? "" : " (" + c.relationship().toLowerCase().replace('_', ' ') + ")"))
                    .orElse("no contact"));
        }
        Rating rating = real * 2 >= keyPlayers.size() ? Rating.PLUS : Rating.MINUS;
        reasons.add(0, "real relationships (multiple or in-depth contact) with " + real + " of "
                + keyPlayers.size() + " key players");
        return new SuggestedRating(Criterion.CURRENT_RELATIONSHIP, rating, reasons);
    }

    static SuggestedRating insideSupport(DealContext deal) {
        List<String> involved = deal.stakeholders();
        boolean anyStatus = involved.stream().anyMatch(k -> deal.status(k) != null);
        if (!anyStatus) {
            return new SuggestedRating(Criterion.INSIDE_SUPPORT, Rating.UNKNOWN,
                    List.of("our status with nobody in this opportunity is recorded"));
        }
        List<String> reasons = new ArrayList<>();
        boolean influential = false;
        for (String k : involved) {
            Status status = deal.status(k);
            if (status == null || !status.isSupportive()) {
                continue;
            }
            String weight = influenceWords(deal, k);
            boolean counts = deal.innerCircle(k) || influenceLevel(deal, k) >= 4;
            influential |= counts;
            reasons.add(person(deal, k) + " is a " + status.label() + " " + weight);
        }
        if (reasons.isEmpty()) {
            return new SuggestedRating(Criterion.INSIDE_SUPPORT, Rating.MINUS,
                    List.of("nobody in this opportunity is recorded as a mentor or supporter"));
        }
        reasons.add(0, influential ? "at least one mentor or supporter has the influence to act for us"
                : "our mentors and supporters have little influence");
        return new SuggestedRating(Criterion.INSIDE_SUPPORT, influential ? Rating.PLUS : Rating.MINUS, reasons);
    }

    static SuggestedRating executiveCredibility(DealContext deal) {
        Set<String> executives = new LinkedHashSet<>(deal.holders(BuyingRole.DECISION_MAKER));
        executives.addAll(deal.holders(BuyingRole.APPROVER));
        if (executives.isEmpty()) {
            return new SuggestedRating(Criterion.EXECUTIVE_CREDIBILITY, Rating.UNKNOWN,
                    List.of("no decision maker or approver is identified on the map"));
        }
        List<String> reasons = new ArrayList<>();
        boolean credible = true;
        for (String k : executives) {
            Status status = deal.status(k);
            Coverage coverage = deal.bestContact(k).map(c -> Coverage.parse(c.coverage())).orElse(Coverage.NONE);
            boolean opposed = status != null && status.isOpposed();
            credible &= coverage.isRealRelationship() && !opposed;
            String roles = deal.roles(k).stream().filter(BuyingRole::isKey).map(BuyingRole::label).toList()
                    .toString().replaceAll("[\\[\\]]", "");
            reasons.add(person(deal, k) + " (" + roles + "): " + coverage.label() + ", "
                    + (status == null ? "status not recorded" : status.label()));
        }
        reasons.add(0, credible ? "a real relationship with every decision maker and approver, and none opposes us"
                : "a decision maker or approver opposes us or has no real relationship with our team");
        return new SuggestedRating(Criterion.EXECUTIVE_CREDIBILITY, credible ? Rating.PLUS : Rating.MINUS, reasons);
    }

    static SuggestedRating politicalAlignment(DealContext deal) {
        List<PersonInfluence> circle = deal.innerCircle().people().stream()
                .filter(PersonInfluence::treatedAsInnerCircle).toList();
        if (circle.isEmpty()) {
            return new SuggestedRating(Criterion.POLITICAL_ALIGNMENT, Rating.UNKNOWN,
                    List.of("no Inner Circle is identified on the map"));
        }
        int supportive = 0;
        int opposed = 0;
        int unknown = 0;
        List<String> reasons = new ArrayList<>();
        for (PersonInfluence p : circle) {
            Status status = deal.status(p.key());
            if (status == null) {
                unknown++;
            } else if (status.isSupportive()) {
                supportive++;
            } else if (status.isOpposed()) {
                opposed++;
            }
            reasons.add(person(deal, p.key()) + " (Inner Circle): "
                    + (status == null ? "our status is not recorded" : status.label()));
        }
        Rating rating;
        String why;
        if (opposed > 0) {
            rating = Rating.MINUS;
            why = opposed + " of the " + circle.size() + " Inner Circle people oppose us";
        } else if (supportive * 2 > circle.size()) {
            rating = Rating.PLUS;
            why = supportive + " of the " + circle.size() + " Inner Circle people support us";
        } else if ((supportive + unknown) * 2 <= circle.size()) {
            rating = Rating.MINUS;
            why = "only " + supportive + " of the " + circle.size() + " Inner Circle people support us";
        } else {
            rating = Rating.UNKNOWN;
            why = supportive + " of the " + circle.size() + " Inner Circle people support us; our status with "
                    + unknown + " is not recorded and decides it";
        }
        reasons.add(0, why);
        return new SuggestedRating(Criterion.POLITICAL_ALIGNMENT, rating, reasons);
    }

    private static int influenceLevel(DealContext deal, String key) {
        return deal.influence(key).map(p -> Math.max(p.computedLevel(),
                p.judgedInfluence() == null ? 0 : p.judgedInfluence())).orElse(0);
    }

    private static String influenceWords(DealContext deal, String key) {
        if (deal.innerCircle(key)) {
            return "in the Inner Circle";
        }
        return deal.influence(key).map(p -> "with computed influence " + p.computedLevel() + " of 5"
                + (p.judgedInfluence() == null ? "" : " (judged " + p.judgedInfluence() + ")")).orElse("");
    }

    private static String person(DealContext deal, String key) {
        String title = deal.network().people().get(key).title();
        return deal.network().name(key) + (title == null ? "" : ", " + title);
    }
}
