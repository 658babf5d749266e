package io.innercircle.crm.internal;

import io.innercircle.map.Account;
import io.innercircle.map.ItemId;
import io.innercircle.map.PeopleReads;
import io.innercircle.map.Opportunity;
import io.innercircle.map.Stakeholder;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** The CRM imports over GraphQL (graphql-schema/crm.graphqls) and the CRM fields of the map's types. */
@Controller
class CrmGraphQlController {

    private final CrmContactImport contacts;
    private final CrmRoleImport roles;
    private final ImportProgress progress;
    private final CrmReads reads;
    private final PeopleReads peopleReads;
    private final CrmLimits limits;

    CrmGraphQlController(CrmContactImport contacts, CrmRoleImport roles, ImportProgress progress, CrmReads reads,
                         PeopleReads peopleReads, CrmLimits limits) {
        this.contacts = contacts;
        this.roles = roles;
        this.progress = progress;
        this.reads = reads;
        this.peopleReads = peopleReads;
        this.limits = limits;
    }

    @MutationMapping
    ContactImportReport importCrmContacts(@Argument String account, @Argument String csv,
                                          @Argument CrmContactOptions options, @Argument Boolean dryRun) {
        ContactImportOptions parsed = ContactImportOptions.of(options);
        byte[] bytes = bytes(csv);
        return Boolean.TRUE.equals(dryRun) ? contacts.dryRun(account, bytes, parsed)
                : contacts.apply(account, bytes, parsed);
    }

    @MutationMapping
    RoleImportReport importCrmContactRoles(@Argument String account, @Argument String csv,
                                           @Argument CrmRoleOptions options, @Argument Boolean dryRun) {
        RoleImportOptions parsed = RoleImportOptions.of(account, options);
        byte[] bytes = bytes(csv);
        return Boolean.TRUE.equals(dryRun) ? roles.dryRun(account, bytes, parsed) : roles.apply(account, bytes, parsed);
    }

    /** The file as UTF-8 bytes, measured against the same limit as an upload. */
    private byte[] bytes(String csv) {
        // A UTF-8 character takes at least one byte: a string longer than the limit is too large already.
        if (csv.length() > limits.maxBytes()) {
            throw limits.tooLarge(-1);
        }
        return csv.getBytes(StandardCharsets.UTF_8);
    }

    @QueryMapping
    ImportProgress.State crmImportProgress(@Argument String account) {
        return progress.of(account).orElse(null);
    }

    @BatchMapping(typeName = "Stakeholder", field = "crm")
    Map<Stakeholder, CrmPerson> crm(List<Stakeholder> people) {
        return found(people, p -> new ItemId(p.account(), p.key()), reads::people);
    }

    @BatchMapping(typeName = "Account", field = "crmKey")
    Map<Account, String> accountCrmKey(List<Account> accounts) {
        Map<String, String> found = reads.accountCrmKeys(accounts.stream().map(Account::key).distinct().toList());
        Map<Account, String> result = new LinkedHashMap<>();
        accounts.stream().filter(a -> found.containsKey(a.key())).forEach(a -> result.put(a, found.get(a.key())));
        return result;
    }

    @BatchMapping(typeName = "Account", field = "peopleNotInLastImport")
    Map<Account, List<Stakeholder>> peopleNotInLastImport(List<Account> accounts) {
        Map<String, List<ItemId>> missing = reads.notInLastImport(accounts.stream().map(Account::key).distinct()
                .toList());
        List<ItemId> all = new ArrayList<>();
        missing.values().forEach(all::addAll);
        Map<ItemId, Stakeholder> people = all.isEmpty() ? Map.of() : peopleReads.stakeholders(all);
        Map<Account, List<Stakeholder>> result = new LinkedHashMap<>();
        accounts.forEach(a -> result.put(a, missing.getOrDefault(a.key(), List.of()).stream()
                .map(people::get).toList()));
        return result;
    }

    @BatchMapping(typeName = "Opportunity", field = "crmKey")
    Map<Opportunity, String> opportunityCrmKey(List<Opportunity> opportunities) {
        return found(opportunities, o -> new ItemId(o.account(), o.key()), reads::opportunityCrmKeys);
    }

    /** One batched load, then each item's value; items with none are left out (the field resolves to null). */
    private static <T, V> Map<T, V> found(List<T> items, Function<T, ItemId> id,
                                          Function<List<ItemId>, Map<ItemId, V>> load) {
        Map<ItemId, V> found = load.apply(items.stream().map(id).distinct().toList());
        Map<T, V> result = new LinkedHashMap<>();
        items.forEach(item -> {
            V value = found.get(id.apply(item));
            if (value != null) {
                result.put(item, value);
            }
        });
        return result;
    }
}
