package io.innercircle.live.internal;

import io.innercircle.live.internal.MapChangeFeed.MapChange;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.SubscriptionMapping;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Flux;

/** The subscriptions of live shared maps ({@code graphql-schema/live.graphqls}); access is checked before this runs. */
@Controller
class LiveController {

    private final MapChangeFeed feed;

    LiveController(MapChangeFeed feed) {
        this.feed = feed;
    }

    @SubscriptionMapping
    Flux<MapChange> mapChanges(@Argument String account) {
        return feed.changes(account);
    }
}
