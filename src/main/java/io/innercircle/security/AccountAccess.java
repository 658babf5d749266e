package io.innercircle.security;

import io.innercircle.security.internal.AppUser;
import io.innercircle.security.internal.CurrentUser;
import io.innercircle.security.internal.Role;

import io.innercircle.api.ForbiddenException;
import io.innercircle.api.NotFoundException;
import io.innercircle.map.AccountVisibility;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The one place that decides who may read, edit or manage an account's map. Everything that reaches account
 * data goes through here: the GraphQL argument check ({@code internal.GraphQlAccountCheck}), the REST path check
 * ({@code internal.AccountPathInterceptor}), list fields that span accounts ({@link #visible()}), bundle imports and the
 * write guard on every map change.
 *
 * <ul>
 *   <li>ADMIN: everything.</li>
 *   <li>REP and MANAGER: read and edit the accounts where a TeamMember has the user's team member key;
 *       MANAGER also manages those accounts' teams.</li>
 *   <li>COACH: reads the accounts where a TeamMember has the key of one of the reps they coach.</li>
 * </ul>
 * Without any authentication (the app itself: the demo loader at start-up) everything is allowed; an anonymous
 * web request gets nothing.
 */
@Component
public class AccountAccess implements AccountVisibility {

    /** REVIEW: comment on a plan; everyone who may read the account (a coach reviews the plans of their reps). */
    public enum Level { READ, EDIT, MANAGE, REVIEW }

    /** Which accounts the caller may read: all of them, or those keys. */
    public record Visible(boolean all, Set<String> keys) {
        public boolean contains(String account) {
            return all || keys.contains(account);
        }

        /** For Cypher: null means no restriction. */
        public Collection<String> keysOrNull() {
            return all ? null : keys;
        }
    }

    /** What one user may do, worked out once per request. */
    private record Scope(boolean all, Set<String> read, Set<String> edit, Set<String> manage, String who) {
        boolean allows(Level level, String account) {
            return all || switch (level) {
                case READ, REVIEW -> read.contains(account);
                case EDIT -> edit.contains(account);
                case MANAGE -> manage.contains(account);
            };
        }
    }

    private static final Scope NOBODY = new Scope(false, Set.of(), Set.of(), Set.of(), "anonymous");

    private final Neo4jClient neo4j;
    private final CurrentUser currentUser;

    AccountAccess(Neo4jClient neo4j, CurrentUser currentUser) {
        this.neo4j = neo4j;
        this.currentUser = currentUser;
    }

    public boolean can(Level level, String account) {
        return scope().allows(level, account);
    }

    public boolean canRead(String account) {
        return can(Level.READ, account);
    }

    public boolean canEdit(String account) {
        return can(Level.EDIT, account);
    }

    public boolean canManage(String account) {
        return can(Level.MANAGE, account);
    }

    /**
     * Throws unless the caller may do this to the account: {@link NotFoundException} (exactly what a missing
     * item gives) when they may not even read it, {@link ForbiddenException} when they may read but not write.
     *
     * @param field the argument that named the account, for the error
     * @param what  the kind of thing the id names ("account", "stakeholder"...), for the error
     * @param id    the id as the caller gave it
     */
    public void require(Level level, String field, String account, String what, String id) {
        Scope scope = scope();
        if (scope.allows(level, account)) {
            return;
        }
        if (!scope.allows(Level.READ, account)) {
            throw new NotFoundException(field, what, id);
        }
        throw new ForbiddenException(field, scope.who() + " may not " + (level == Level.MANAGE
                ? "manage the team of" : "change") + " account '" + account + "'");
    }

    public void requireRead(String field, String account, String what, String id) {
        require(Level.READ, field, account, what, id);
    }

    /** New accounts: only an administrator creates them (nobody is on their team yet). */
    public void requireCreate(String field, String account) {
        if (!scope().all) {
            throw new ForbiddenException(field, scope().who() + " may not create accounts ('" + account
                    + "'); an administrator creates them and adds the team");
        }
    }

    /** The accounts the caller may read, for fields that list several accounts. */
    public Visible visible() {
        Scope scope = scope();
        return new Visible(scope.all, scope.read);
    }

    /** Works the caller's access out again on the next check (after they joined an account's team). */
    public void forgetScope() {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (request != null && auth != null) {
            currentUser.of(auth).ifPresent(user -> request.removeAttribute(
                    AccountAccess.class.getName() + "." + user.username(), RequestAttributes.SCOPE_REQUEST));
        }
    }

    /** The accounts the caller may act on at this level (for pages that hide controls a user may not use). */
    public Visible visible(Level level) {
        Scope scope = scope();
        return new Visible(scope.all, switch (level) {
            case READ, REVIEW -> scope.read;
            case EDIT -> scope.edit;
            case MANAGE -> scope.manage;
        });
    }

    @Override
    public Collection<String> readableAccountsOrAll() {
        return visible().keysOrNull();
    }

    /** Who is acting, for the audit trail: the username, or "system" for the app itself. */
    public String who() {
        return scope().who();
    }

    /** True when a person (not the app itself) is acting. */
    public boolean isUserRequest() {
        return SecurityContextHolder.getContext().getAuthentication() != null;
    }

    private Scope scope() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null) {
            return new Scope(true, Set.of(), Set.of(), Set.of(), "system");
        }
        if (auth instanceof AnonymousAuthenticationToken || !auth.isAuthenticated()) {
            return NOBODY;
        }
        Optional<AppUser> user = currentUser.of(auth);
        if (user.isEmpty()) {
            return NOBODY;
        }
        // Worked out once per request: a GraphQL request may check many arguments.
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        String attribute = AccountAccess.class.getName() + "." + user.get().username();
        if (request != null && request.getAttribute(attribute, RequestAttributes.SCOPE_REQUEST) instanceof Scope s) {
            return s;
        }
        Scope scope = scopeOf(user.get());
        if (request != null) {
            request.setAttribute(attribute, scope, RequestAttributes.SCOPE_REQUEST);
        }
        return scope;
    }

    private Scope scopeOf(AppUser user) {
        if (user.has(Role.ADMIN)) {
            return new Scope(true, Set.of(), Set.of(), Set.of(), user.username());
        }
        Set<String> keys = new HashSet<>(user.coachedTeamMembers());
        if (user.teamMember() != null) {
            keys.add(user.teamMember());
        }
        Map<String, Set<String>> accountsOf = new java.util.HashMap<>();
        if (!keys.isEmpty()) {
            neo4j.query("MATCH (t:TeamMember) WHERE t.key IN $keys RETURN t.key AS member, collect(DISTINCT t.account) AS accounts")
                    .bind(List.copyOf(keys)).to("keys")
                    .fetch().all()
                    .forEach(row -> accountsOf.put((String) row.get("member"),
                            new HashSet<>(((List<?>) row.get("accounts")).stream().map(String::valueOf).toList())));
        }
        Set<String> own = user.teamMember() != null && (user.has(Role.REP) || user.has(Role.MANAGER))
                ? accountsOf.getOrDefault(user.teamMember(), Set.of()) : Set.of();
        Set<String> read = new HashSet<>(own);
        if (user.has(Role.COACH)) {
            user.coachedTeamMembers().forEach(k -> read.addAll(accountsOf.getOrDefault(k, Set.of())));
        }
        Set<String> manage = user.has(Role.MANAGER) ? own : Set.of();
        return new Scope(false, Set.copyOf(read), Set.copyOf(own), Set.copyOf(manage), user.username());
    }
}
