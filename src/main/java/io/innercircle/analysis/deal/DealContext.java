package io.innercircle.analysis.deal;

import io.innercircle.analysis.MapSnapshot.Contact;
import io.innercircle.analysis.MapSnapshot.Deal;
import io.innercircle.analysis.MapSnapshot.Involvement;
import io.innercircle.analysis.AccountNetwork;
import io.innercircle.analysis.innercircle.InnerCircleReport;
import io.innercircle.analysis.innercircle.PersonInfluence;
import io.innercircle.vocabulary.BuyingRole;
import io.innercircle.vocabulary.Coverage;
import io.innercircle.vocabulary.Status;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One deal seen through the political map: who holds which buying role, our status with each person, who counts as
 * a key player and who is on our side. Shared by the relationship strategies and the map health checks so that
 * both use one definition of each.
 *
 * <p><b>Key player</b>: holds a decision-maker, approver or sponsor role in the deal, or is Inner Circle, meaning
 * confirmed by the rep or a graph candidate the rep has not rejected. The Inner Circle counts even when not
 * formally involved: they control outcomes from outside the buying process.
 *
 * <p><b>Ally</b>: a mentor or supporter in the deal, or someone with a multiple or in-depth contact on our team
 * who is not a non-supporter or enemy. Allies are listed mentors first, then supporters, then by coverage.
 */
public final class DealContext {

    private final AccountNetwork graphs;
    private final InnerCircleReport innerCircle;
    private final Deal deal;
    private final Map<String, Involvement> involvements;

    private DealContext(AccountNetwork graphs, InnerCircleReport innerCircle, Deal deal) {
        this.graphs = graphs;
        this.innerCircle = innerCircle;
        this.deal = deal;
        Map<String, Involvement> inv = new LinkedHashMap<>();
        for (Involvement i : deal.involvements()) {
            if (inv.putIfAbsent(i.stakeholder(), i) != null) {
                throw new IllegalArgumentException("'" + i.stakeholder() + "' appears twice in deal " + deal.key());
            }
            i.roles().forEach(BuyingRole::parse);
            Status.parse(i.status());
        }
        this.involvements = inv;
    }

    public static DealContext of(AccountNetwork graphs, InnerCircleReport innerCircle, String dealKey) {
        return new DealContext(graphs, innerCircle, graphs.deal(dealKey));
    }

    public AccountNetwork network() {
        return graphs;
    }

    public InnerCircleReport innerCircle() {
        return innerCircle;
    }

    public Deal deal() {
        return deal;
    }

    public boolean involved(String key) {
        return involvements.containsKey(key);
    }

    /** The person's buying roles in this deal, in the enum's order; empty when they hold none. */
    public Set<BuyingRole> roles(String key) {
        Involvement i = involvements.get(key);
        Set<BuyingRole> roles = EnumSet.noneOf(BuyingRole.class);
        if (i != null) {
            i.roles().forEach(r -> roles.add(BuyingRole.parse(r)));
        }
        return roles;
    }

    /** Our status with the person in this deal, or null when not recorded. */
    public Status status(String key) {
        Involvement i = involvements.get(key);
        return i == null ? null : Status.parse(i.status());
    }

    public Optional<PersonInfluence> influence(String key) {
        return innerCircle.person(key);
    }

    public boolean innerCircle(String key) {
        return influence(key).map(PersonInfluence::treatedAsInnerCircle).orElse(false);
    }

    public boolean keyPlayer(String key) {
        return innerCircle(key) || roles(key).stream().anyMatch(BuyingRole::isKey);
    }

    /** Everyone the deal's planning covers: the people involved, then Inner Circle people who are not, in map order. */
    public List<String> stakeholders() {
        List<String> keys = new ArrayList<>(involvements.keySet());
        graphs.people().keySet().stream()
                .filter(k -> !involvements.containsKey(k) && innerCircle(k))
                .forEach(keys::add);
        return keys;
    }

    public List<String> keyPlayers() {
        return stakeholders().stream().filter(this::keyPlayer).toList();
    }

    /** People holding the role in this deal, in deal order. */
    public List<String> holders(BuyingRole role) {
        return involvements.keySet().stream().filter(k -> roles(k).contains(role)).toList();
    }

    public List<String> withStatus(Status status) {
        return involvements.keySet().stream().filter(k -> status == status(k)).toList();
    }

    /** The contact with the best coverage (ties: the most recent), if any. */
    public Optional<Contact> bestContact(String key) {
        return graphs.contactsOf(key).stream().max(Comparator
                .comparing((Contact c) -> Coverage.parse(c.coverage()))
                .thenComparing(c -> c.lastContact(), Comparator.nullsFirst(Comparator.naturalOrder())));
    }

    public List<Ally> allies() {
        List<Ally> allies = new ArrayList<>();
        for (String key : graphs.people().keySet()) {
            Status status = status(key);
            Optional<Contact> contact = bestContact(key);
            Coverage coverage = contact.map(c -> Coverage.parse(c.coverage())).orElse(null);
            boolean supportive = status != null && status.isSupportive();
            boolean knownWell = coverage != null && coverage.isRealRelationship()
                    && (status == null || !status.isOpposed());
            if (!supportive && !knownWell) {
                continue;
            }
            String member = contact.map(AccountNetwork::teamMemberName).orElse(null);
            List<String> why = new ArrayList<>();
            if (status != null) {
                why.add(status.label() + " in this deal");
            }
            if (coverage != null && coverage != Coverage.NONE) {
                why.add(member + " has " + coverage.label());
            }
            allies.add(new Ally(key, graphs.name(key), status, coverage, member, String.join("; ", why)));
        }
        allies.sort(Comparator
                .comparing((Ally a) -> a.status() == null ? Status.NEUTRAL : a.status())
                .thenComparing(Ally::coverage, Comparator.nullsLast(Comparator.reverseOrder())));
        return allies;
    }
}
