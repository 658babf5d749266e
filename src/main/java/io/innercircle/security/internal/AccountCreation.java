package io.innercircle.security.internal;

import io.innercircle.security.AccountAccess;

import io.innercircle.api.ForbiddenException;
import io.innercircle.map.MapChanged;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

import java.util.Map;
import java.util.Optional;

/**
 * A rep or manager who creates an account (createAccount, version 1 of a new account) becomes its first team
 * member, in the same transaction, under their team member key: from then on the usual rules let them edit it
 * and add opportunities, competitors and colleagues. A user without a team member key (a coach) may not create
 * accounts. Runs before {@link MapWriteGuard}, which then sees the creator on the team.
 */
@Component
class AccountCreation {

    private final Neo4jClient neo4j;
    private final CurrentUser currentUser;
    private final AccountAccess access;

    AccountCreation(Neo4jClient neo4j, CurrentUser currentUser, AccountAccess access) {
        this.neo4j = neo4j;
        this.currentUser = currentUser;
        this.access = access;
    }

    @EventListener
    @Order(-10)
    void joinTheTeamOfANewAccount(MapChanged change) {
        if (change.version() != 1 || !access.isUserRequest() || access.visible().all()) {
            return;
        }
        boolean teamless = neo4j.query("MATCH (t:TeamMember {account: $account}) RETURN count(t) = 0")
                .bind(change.account()).to("account").fetchAs(Boolean.class).one().orElse(false);
        if (!teamless) {
            return;
        }
        Optional<AppUser> user = currentUser.of(SecurityContextHolder.getContext().getAuthentication());
        if (user.isEmpty() || user.get().teamMember() == null
                || !(user.get().has(Role.REP) || user.get().has(Role.MANAGER))) {
            throw new ForbiddenException("input.key", access.who() + " may not create accounts: only reps, "
                    + "managers and administrators do");
        }
        neo4j.query("""
                        MATCH (a:Account {key: $account})
                        MERGE (t:TeamMember {account: $account, key: $key})
                        ON CREATE SET t.name = $name, t.role = 'Account owner'""")
                .bindAll(Map.of("account", change.account(), "key", user.get().teamMember(),
                        "name", displayName(user.get())))
                .run();
        access.forgetScope();
    }

    private static String displayName(AppUser user) {
        String name = user.username();
        return name.isEmpty() ? user.teamMember() : Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }
}
