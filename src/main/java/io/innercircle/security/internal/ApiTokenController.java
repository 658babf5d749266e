package io.innercircle.security.internal;

import io.innercircle.api.ForbiddenException;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;

import java.util.List;

/**
 * {@code apiTokens}, {@code createApiToken}, {@code revokeApiToken} (graphql-schema/security.graphqls). They touch
 * only the caller's own tokens, so they carry no account check ({@code @noAccountData}).
 */
@Controller
class ApiTokenController {

    record CreateApiTokenInput(String name) {}

    private final ApiTokens tokens;
    private final CurrentUser currentUser;

    ApiTokenController(ApiTokens tokens, CurrentUser currentUser) {
        this.tokens = tokens;
        this.currentUser = currentUser;
    }

    @QueryMapping
    List<ApiTokens.ApiToken> apiTokens() {
        return tokens.list(me().username());
    }

    @MutationMapping
    ApiTokens.CreatedApiToken createApiToken(@Argument CreateApiTokenInput input) {
        return tokens.create(me(), input.name());
    }

    @MutationMapping
    boolean revokeApiToken(@Argument String id) {
        return tokens.revoke(me().username(), id);
    }

    private AppUser me() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return (auth == null ? java.util.Optional.<AppUser>empty() : currentUser.of(auth))
                .orElseThrow(() -> new ForbiddenException("apiTokens", "only a signed-in user has API tokens"));
    }
}
