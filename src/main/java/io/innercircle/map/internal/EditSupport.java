package io.innercircle.map.internal;

import io.innercircle.map.AccountVersions;
import io.innercircle.map.ItemId;
import io.innercircle.map.AccountReads;
import io.innercircle.map.Opportunity;
import io.innercircle.map.Stakeholder;
import io.innercircle.map.TeamMember;
import io.innercircle.api.InvalidInputException;
import io.innercircle.api.NotFoundException;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.graphql.data.ArgumentValue;
import org.springframework.stereotype.Component;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

/** What every edit class needs: the existence checks that name the refused field, and the version bump. */
@Component
class EditSupport {

    private static final Map<String, String> EXISTS = Map.of(
            "Stakeholder", """
                    MATCH (n:Stakeholder {account: $account, key: $key}) RETURN count(n) > 0""",
            "TeamMember", """
                    MATCH (n:TeamMember {account: $account, key: $key}) RETURN count(n) > 0""",
            "Opportunity", """
                    MATCH (n:Opportunity {account: $account, key: $key}) RETURN count(n) > 0""");

    private final Neo4jClient neo4j;
    private final AccountReads accountReads;
    private final AccountVersions versions;

    EditSupport(Neo4jClient neo4j, AccountReads accountReads, AccountVersions versions) {
        this.neo4j = neo4j;
        this.accountReads = accountReads;
        this.versions = versions;
    }

    /**
     * @param touched the nodes this edit changed ("Label:key"), so the history compares only them and the
     *                lines at them, not the whole map; the account's own properties are always compared
     */
    void bump(String account, String... touched) {
        versions.bump(account, touched);
    }

    /** For an edit of no person and no reporting or influence line, see {@link AccountVersions}. */
    void bumpKeepingStructure(String account, String... touched) {
        versions.bumpKeepingStructure(account, touched);
    }

    void requireAccount(String field, String key) {
        if (key == null || accountReads.account(key).isEmpty()) {
            throw new NotFoundException(field, "account", String.valueOf(key));
        }
    }

    void requireStakeholder(String field, ItemId id) {
        require(field, "Stakeholder", "stakeholder", id);
    }

    void requireTeamMember(String field, ItemId id) {
        require(field, "TeamMember", "team member", id);
    }

    void requireOpportunity(String field, ItemId id) {
        require(field, "Opportunity", "opportunity", id);
    }

    private void require(String field, String label, String what, ItemId id) {
        boolean found = neo4j.query(EXISTS.get(label))
                .bindAll(Map.of("account", id.account(), "key", id.key()))
                .fetchAs(Boolean.class).one().orElse(false);
        if (!found) {
            throw new NotFoundException(field, what, id.toString());
        }
    }

    static ItemId sameAccount(String field, String account, ItemId id) {
        if (!id.account().equals(account)) {
            throw new InvalidInputException(field, "'" + id + "' belongs to another account than '" + account + "'");
        }
        return id;
    }

    /** Cypher parameters that may hold nulls (which {@code Map.of} refuses). */
    static Map<String, Object> params(Object... keyValues) {
        Map<String, Object> map = new HashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            map.put((String) keyValues[i], keyValues[i + 1]);
        }
        return map;
    }

    /** Adds a patch field to the properties to set, checked, unless it was left out (null clears it). */
    static <T> void patch(Map<String, Object> props, String name, ArgumentValue<T> value, Function<T, ?> check) {
        if (given(value)) {
            props.put(name, check.apply(value.value()));
        }
    }

    /** Whether a patch field was given, as a value or as null. */
    static boolean given(ArgumentValue<?> value) {
        return value != null && !value.isOmitted();
    }

    /** The stored form of a vocabulary value: its name, or null. */
    static String stored(Enum<?> value) {
        return value == null ? null : value.name();
    }
}
