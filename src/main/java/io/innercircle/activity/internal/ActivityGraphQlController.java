package io.innercircle.activity.internal;

import io.innercircle.map.ItemId;
import io.innercircle.map.Page;
import io.innercircle.map.PeopleReads;
import io.innercircle.map.Stakeholder;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** graphql-schema/activity.graphqls. */
@Controller
class ActivityGraphQlController {

    private final ActivityImport imports;
    private final SuggestionDecisions decisions;
    private final ActivityStore store;
    private final PeopleReads people;

    ActivityGraphQlController(ActivityImport imports, SuggestionDecisions decisions, ActivityStore store,
                              PeopleReads people) {
        this.imports = imports;
        this.decisions = decisions;
        this.store = store;
        this.people = people;
    }

    @MutationMapping
    ActivityImportReport importActivity(@Argument String account, @Argument List<ActivityFileInput> files,
                                        @Argument ActivityImportOptions options) {
        return imports.run(account, files, options);
    }

    @MutationMapping
    SuggestionDecisions.Accepted acceptActivitySuggestion(@Argument String id, @Argument Integer strength) {
        return decisions.accept(id, strength);
    }

    @MutationMapping
    SuggestionView rejectActivitySuggestion(@Argument String id) {
        return decisions.reject(id);
    }

    @QueryMapping
    Page<SuggestionView> activitySuggestions(@Argument String account, @Argument String state,
                                             @Argument Integer first, @Argument String after) {
        return Page.ofPositions(store.list(account, state == null ? "OPEN" : state), first, after);
    }

    @BatchMapping(typeName = "ActivitySuggestion", field = "from")
    Map<SuggestionView, Stakeholder> from(List<SuggestionView> suggestions) {
        return stakeholders(suggestions, s -> new ItemId(s.account(), s.fromKey()));
    }

    @BatchMapping(typeName = "ActivitySuggestion", field = "to")
    Map<SuggestionView, Stakeholder> to(List<SuggestionView> suggestions) {
        return stakeholders(suggestions, s -> new ItemId(s.account(), s.toKey()));
    }

    @BatchMapping(typeName = "StaleContact", field = "stakeholder")
    Map<ActivityImportReport.Stale, Stakeholder> staleStakeholder(List<ActivityImportReport.Stale> stale) {
        return stakeholders(stale, s -> new ItemId(s.account(), s.key()));
    }

    private <T> Map<T, Stakeholder> stakeholders(List<T> items, Function<T, ItemId> id) {
        Map<ItemId, Stakeholder> found = people.stakeholders(items.stream().map(id).distinct().toList());
        Map<T, Stakeholder> result = new LinkedHashMap<>();
        items.forEach(item -> {
            Stakeholder s = found.get(id.apply(item));
            if (s != null) {
                result.put(item, s);
            }
        });
        return result;
    }
}
