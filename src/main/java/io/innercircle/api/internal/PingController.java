package io.innercircle.api.internal;

import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

@Controller
class PingController {

    @QueryMapping
    String ping() {
        return "pong";
    }

    @MutationMapping
    Boolean noop() {
        return true;
    }
}
