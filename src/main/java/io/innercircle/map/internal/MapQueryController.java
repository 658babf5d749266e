package io.innercircle.map.internal;

import io.innercircle.map.Account;
import io.innercircle.map.AccountVisibility;
import io.innercircle.map.Competitor;
import io.innercircle.map.ItemId;
import io.innercircle.map.AccountReads;
import io.innercircle.map.OpportunityReads;
import io.innercircle.map.PeopleReads;
import io.innercircle.map.Opportunity;
import io.innercircle.map.Page;
import io.innercircle.map.Stakeholder;
import io.innercircle.map.StakeholderOrder;
import io.innercircle.map.StakeholderRanking;
import io.innercircle.map.TeamMember;
import io.innercircle.map.Lines.ConflictLine;
import io.innercircle.map.Lines.Contact;
import io.innercircle.map.Lines.InfluenceLine;
import io.innercircle.map.Lines.Involvement;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Reads of the political map. Every list-valued field is a {@link BatchMapping}: a page of 500 people asking
 * for their managers, lines and contacts costs one query per field, not one per person.
 */
@Controller
class MapQueryController {

    private final AccountReads accountReads;
    private final ContactReads contactReads;
    private final LineReads lineReads;
    private final OpportunityReads opportunityReads;
    private final PeopleReads peopleReads;
    private final AccountVisibility visibility;
    private final org.springframework.beans.factory.ObjectProvider<StakeholderRanking> ranking;

    MapQueryController(AccountReads accountReads, ContactReads contactReads, LineReads lineReads,
                       OpportunityReads opportunityReads, PeopleReads peopleReads, AccountVisibility visibility,
                       org.springframework.beans.factory.ObjectProvider<StakeholderRanking> ranking) {
        this.accountReads = accountReads;
        this.contactReads = contactReads;
        this.lineReads = lineReads;
        this.opportunityReads = opportunityReads;
        this.peopleReads = peopleReads;
        this.visibility = visibility;
        this.ranking = ranking;
    }

    @QueryMapping
    Page<Account> accounts(@Argument Integer first, @Argument String after, @Argument Integer last,
                           @Argument String before) {
        return accountReads.accounts(Page.Request.of(first, after, last, before), visibility.readableAccountsOrAll());
    }

    @QueryMapping
    Account account(@Argument String key) {
        return accountReads.account(key).orElse(null);
    }

    @QueryMapping
    Stakeholder stakeholder(@Argument String id) {
        return peopleReads.stakeholder(ItemId.parse("id", id)).orElse(null);
    }

    @QueryMapping
    Opportunity opportunity(@Argument String id) {
        return opportunityReads.opportunity(ItemId.parse("id", id)).orElse(null);
    }

    @QueryMapping
    TeamMember teamMember(@Argument String id) {
        return accountReads.teamMember(ItemId.parse("id", id)).orElse(null);
    }

    // ---- Account

    @SchemaMapping(typeName = "Account")
    Page<Stakeholder> stakeholders(Account account, @Argument Integer first, @Argument String after,
                                   @Argument Integer last, @Argument String before,
                                   @Argument StakeholderOrder orderBy, @Argument Boolean innerCircleOnly) {
        Page.Request request = Page.Request.of(first, after, last, before);
        boolean onlyInnerCircle = Boolean.TRUE.equals(innerCircleOnly);
        if ((orderBy == null || orderBy == StakeholderOrder.KEY) && !onlyInnerCircle) {
            return peopleReads.stakeholders(account.key(), request);
        }
        return ranking.getObject().stakeholders(account, request,
                orderBy == null ? StakeholderOrder.KEY : orderBy, onlyInnerCircle);
    }

    @BatchMapping(typeName = "Account")
    Map<Account, List<TeamMember>> teamMembers(List<Account> accounts) {
        return byAccount(accounts, accountReads.teamMembers(accounts.stream().map(Account::key).toList()));
    }

    @BatchMapping(typeName = "Account")
    Map<Account, List<Competitor>> competitors(List<Account> accounts) {
        return byAccount(accounts, accountReads.competitors(accounts.stream().map(Account::key).toList()));
    }

    @BatchMapping(typeName = "Account")
    Map<Account, List<Opportunity>> opportunities(List<Account> accounts) {
        return byAccount(accounts, opportunityReads.opportunities(accounts.stream().map(Account::key).toList()));
    }

    private static <T> Map<Account, List<T>> byAccount(List<Account> accounts, Map<String, List<T>> found) {
        Map<Account, List<T>> result = new LinkedHashMap<>();
        accounts.forEach(a -> result.put(a, found.getOrDefault(a.key(), List.of())));
        return result;
    }

    // ---- Stakeholder

    @BatchMapping(typeName = "Stakeholder", field = "account")
    Map<Stakeholder, Account> stakeholderAccount(List<Stakeholder> people) {
        Map<String, Account> accounts =
                accountReads.accounts(people.stream().map(Stakeholder::account).distinct().toList());
        Map<Stakeholder, Account> result = new LinkedHashMap<>();
        people.forEach(p -> result.put(p, accounts.get(p.account())));
        return result;
    }

    @BatchMapping(typeName = "Stakeholder", field = "email")
    Map<Stakeholder, String> stakeholderEmail(List<Stakeholder> people) {
        Map<ItemId, String> emails = peopleReads.emails(people.stream()
                .map(p -> new ItemId(p.account(), p.key())).distinct().toList());
        Map<Stakeholder, String> result = new LinkedHashMap<>();
        people.forEach(p -> {
            String email = emails.get(new ItemId(p.account(), p.key()));
            if (email != null) {
                result.put(p, email);
            }
        });
        return result;
    }

    @BatchMapping(typeName = "Stakeholder")
    Map<Stakeholder, Stakeholder> reportsTo(List<Stakeholder> people) {
        List<ItemId> managers = people.stream().filter(p -> p.reportsToKey() != null)
                .map(p -> new ItemId(p.account(), p.reportsToKey())).distinct().toList();
        Map<ItemId, Stakeholder> found = managers.isEmpty() ? Map.of() : peopleReads.stakeholders(managers);
        Map<Stakeholder, Stakeholder> result = new LinkedHashMap<>();
        for (Stakeholder p : people) {
            if (p.reportsToKey() != null) {
                result.put(p, found.get(new ItemId(p.account(), p.reportsToKey())));
            }
        }
        return result;
    }

    @BatchMapping(typeName = "Stakeholder")
    Map<Stakeholder, List<Stakeholder>> directReports(List<Stakeholder> people) {
        return perPerson(people, peopleReads::directReports);
    }

    @BatchMapping(typeName = "Stakeholder")
    Map<Stakeholder, List<InfluenceLine>> influencedBy(List<Stakeholder> people) {
        return perPerson(people, ids -> lineReads.influenceLines(ids, true));
    }

    @BatchMapping(typeName = "Stakeholder")
    Map<Stakeholder, List<InfluenceLine>> influences(List<Stakeholder> people) {
        return perPerson(people, ids -> lineReads.influenceLines(ids, false));
    }

    @BatchMapping(typeName = "Stakeholder")
    Map<Stakeholder, List<ConflictLine>> conflicts(List<Stakeholder> people) {
        return perPerson(people, lineReads::conflictLines);
    }

    @BatchMapping(typeName = "Stakeholder", field = "contacts")
    Map<Stakeholder, List<Contact>> stakeholderContacts(List<Stakeholder> people) {
        return perPerson(people, ids -> contactReads.contacts(ids, false));
    }

    @BatchMapping(typeName = "Stakeholder", field = "involvements")
    Map<Stakeholder, List<Involvement>> stakeholderInvolvements(List<Stakeholder> people) {
        return perPerson(people, ids -> lineReads.involvements(ids, false));
    }

    private static <T> Map<Stakeholder, List<T>> perPerson(List<Stakeholder> people,
                                                           Function<List<ItemId>, Map<ItemId, List<T>>> load) {
        return perItem(people, p -> new ItemId(p.account(), p.key()), load);
    }

    /** One batched load for many items, then each item's list (empty when nothing was found). */
    private static <S, T> Map<S, List<T>> perItem(List<S> items, Function<S, ItemId> id,
                                                  Function<List<ItemId>, Map<ItemId, List<T>>> load) {
        Map<ItemId, List<T>> found = load.apply(items.stream().map(id).toList());
        Map<S, List<T>> result = new LinkedHashMap<>();
        items.forEach(item -> result.put(item, found.getOrDefault(id.apply(item), List.of())));
        return result;
    }

    // ---- TeamMember, Opportunity

    @BatchMapping(typeName = "TeamMember", field = "contacts")
    Map<TeamMember, List<Contact>> teamMemberContacts(List<TeamMember> members) {
        return perItem(members, m -> new ItemId(m.account(), m.key()), ids -> contactReads.contacts(ids, true));
    }

    @BatchMapping(typeName = "Opportunity", field = "account")
    Map<Opportunity, Account> opportunityAccount(List<Opportunity> opportunities) {
        Map<String, Account> accounts = accountReads.accounts(
                opportunities.stream().map(Opportunity::account).distinct().toList());
        Map<Opportunity, Account> result = new LinkedHashMap<>();
        opportunities.forEach(o -> result.put(o, accounts.get(o.account())));
        return result;
    }

    @BatchMapping(typeName = "Opportunity")
    Map<Opportunity, Competitor> competitor(List<Opportunity> opportunities) {
        List<ItemId> ids = opportunities.stream().filter(o -> o.competitorKey() != null)
                .map(o -> new ItemId(o.account(), o.competitorKey())).distinct().toList();
        Map<ItemId, Competitor> found = ids.isEmpty() ? Map.of() : accountReads.competitorsById(ids);
        Map<Opportunity, Competitor> result = new LinkedHashMap<>();
        for (Opportunity o : opportunities) {
            if (o.competitorKey() != null) {
                result.put(o, found.get(new ItemId(o.account(), o.competitorKey())));
            }
        }
        return result;
    }

    @BatchMapping(typeName = "Opportunity", field = "involvements")
    Map<Opportunity, List<Involvement>> opportunityInvolvements(List<Opportunity> opportunities) {
        return perItem(opportunities, o -> new ItemId(o.account(), o.key()), ids -> lineReads.involvements(ids, true));
    }
}
