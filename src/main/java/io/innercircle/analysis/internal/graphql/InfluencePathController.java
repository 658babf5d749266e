package io.innercircle.analysis.internal.graphql;

import io.innercircle.analysis.internal.graphql.AnalysisLookups.Person;
import io.innercircle.analysis.internal.graphql.Views.PathView;
import io.innercircle.analysis.internal.graphql.Views.ReachView;
import io.innercircle.analysis.internal.path.InfluencePathFinder;
import io.innercircle.analysis.internal.path.Reach;
import io.innercircle.api.InvalidInputException;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

import java.util.List;

/** Influence routes: who is near a person, the strongest routes between two people, who can reach someone. */
@Controller
class InfluencePathController {

    private final AnalysisLookups lookups;

    InfluencePathController(AnalysisLookups lookups) {
        this.lookups = lookups;
    }

    @QueryMapping
    List<ReachView> influenceNeighbourhood(@Argument String stakeholder, @Argument Integer hops,
                                           @Argument Reach.Direction direction) {
        Person p = lookups.person("stakeholder", stakeholder);
        int maxHops = AnalysisLookups.range("hops", hops, 1, 6, 2);
        return p.analysis().paths().within(p.id().key(), maxHops).stream()
                .filter(r -> direction == null || r.direction() == direction)
                .map(r -> Views.reach(p.id().account(), p.analysis().network(), r)).toList();
    }

    @QueryMapping
    List<PathView> influencePaths(@Argument String from, @Argument String to, @Argument Integer limit,
                                  @Argument String opportunity) {
        Person start = lookups.person("from", from);
        Person end = lookups.person("to", to);
        if (!start.id().account().equals(end.id().account())) {
            throw new InvalidInputException("to", "'" + to + "' belongs to another account than '" + from + "'");
        }
        InfluencePathFinder finder = lookups.finder(start, opportunity);
        return finder.strongestPaths(start.id().key(), end.id().key(),
                        AnalysisLookups.range("limit", limit, 1, 20, 3)).stream()
                .map(p -> Views.path(start.id().account(), start.analysis().network(), p)).toList();
    }

    @QueryMapping
    List<PathView> whoCanReach(@Argument String stakeholder, @Argument Integer limit, @Argument String opportunity) {
        Person target = lookups.person("stakeholder", stakeholder);
        return lookups.finder(target, opportunity).whoCanReach(target.id().key()).stream()
                .limit(AnalysisLookups.range("limit", limit, 1, 500, 10))
                .map(p -> Views.path(target.id().account(), target.analysis().network(), p)).toList();
    }
}
