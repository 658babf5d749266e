package io.innercircle.map.internal;

import io.innercircle.map.Account;
import io.innercircle.map.AccountVersions;
import io.innercircle.map.Checks;
import io.innercircle.map.Competitor;
import io.innercircle.map.ItemId;
import io.innercircle.map.MapChanged;
import io.innercircle.map.AccountReads;
import io.innercircle.map.TeamMember;
import io.innercircle.api.InvalidInputException;
import io.innercircle.api.NotFoundException;
import io.innercircle.map.internal.MapInputs.CreateAccountInput;
import io.innercircle.map.internal.MapInputs.CreateCompetitorInput;
import io.innercircle.map.internal.MapInputs.CreateTeamMemberInput;
import io.innercircle.map.internal.MapInputs.UpdateAccountInput;
import io.innercircle.map.internal.MapInputs.UpdateCompetitorInput;
import io.innercircle.map.internal.MapInputs.UpdateTeamMemberInput;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.innercircle.map.internal.EditSupport.given;
import static io.innercircle.map.internal.EditSupport.patch;

/**
 * Edits of an account and of the people around it who are not stakeholders: our team members and the
 * competitors. One transaction each; a refused edit throws and changes nothing.
 */
@Service
@Transactional
public class AccountEdits {

    private final Neo4jClient neo4j;
    private final AccountReads accountReads;
    private final EditSupport support;
    private final ApplicationEventPublisher events;

    AccountEdits(Neo4jClient neo4j, AccountReads accountReads, EditSupport support, ApplicationEventPublisher events) {
        this.neo4j = neo4j;
        this.accountReads = accountReads;
        this.support = support;
        this.events = events;
    }

    public Account createAccount(CreateAccountInput input) {
        String key = Checks.key("input.key", input.key());
        Map<String, Object> props = new HashMap<>();
        props.put("key", key);
        props.put("name", Checks.name("input.name", input.name()));
        props.put("industry", Checks.text("input.industry", input.industry()));
        props.put("notes", Checks.longText("input.notes", input.notes()));
        if (accountReads.account(key).isPresent()) {
            throw new InvalidInputException("input.key", "an account with key '" + key + "' already exists");
        }
        long version = neo4j.query("""
                        %s
                        CREATE (a:Account) SET a = $props, a.version = recordedBefore + 1, a.createdAt = datetime(),
                          a.updatedAt = a.createdAt
                        RETURN a.version""".formatted(AccountVersions.RECORDED_BEFORE))
                .bindAll(Map.of("props", props, "key", key)).fetchAs(Long.class).one().orElseThrow();
        events.publishEvent(new MapChanged(key, version));
        return accountReads.account(key).orElseThrow();
    }

    public Account updateAccount(UpdateAccountInput input) {
        String key = input.key();
        support.requireAccount("input.key", key);
        Map<String, Object> props = new HashMap<>();
        patch(props, "name", input.name(), v -> Checks.name("input.name", v));
        patch(props, "industry", input.industry(), v -> Checks.text("input.industry", v));
        patch(props, "notes", input.notes(), v -> Checks.longText("input.notes", v));
        neo4j.query("MATCH (a:Account {key: $key}) SET a += $props").bind(key).to("key").bind(props).to("props").run();
        support.bump(key);
        return accountReads.account(key).orElseThrow();
    }

    public TeamMember createTeamMember(CreateTeamMemberInput input) {
        String account = input.account();
        support.requireAccount("input.account", account);
        String key = Checks.key("input.key", input.key());
        Map<String, Object> props = new HashMap<>();
        props.put("account", account);
        props.put("key", key);
        props.put("name", Checks.name("input.name", input.name()));
        props.put("role", Checks.text("input.role", input.role()));
        if (accountReads.teamMember(new ItemId(account, key)).isPresent()) {
            throw new InvalidInputException("input.key",
                    "a team member with key '" + key + "' already exists in account '" + account + "'");
        }
        neo4j.query("CREATE (t:TeamMember) SET t = $props").bind(props).to("props").run();
        support.bumpKeepingStructure(account, MapChanged.node("TeamMember", key));
        return accountReads.teamMember(new ItemId(account, key)).orElseThrow();
    }

    public TeamMember updateTeamMember(UpdateTeamMemberInput input) {
        ItemId id = ItemId.parse("input.id", input.id());
        support.requireTeamMember("input.id", id);
        Map<String, Object> props = new HashMap<>();
        patch(props, "name", input.name(), v -> Checks.name("input.name", v));
        patch(props, "role", input.role(), v -> Checks.text("input.role", v));
        neo4j.query("MATCH (t:TeamMember {account: $account, key: $key}) SET t += $props")
                .bindAll(Map.of("account", id.account(), "key", id.key())).bind(props).to("props").run();
        support.bumpKeepingStructure(id.account(), MapChanged.node("TeamMember", id.key()));
        return accountReads.teamMember(id).orElseThrow();
    }

    public Competitor createCompetitor(CreateCompetitorInput input) {
        String account = input.account();
        support.requireAccount("input.account", account);
        String key = Checks.key("input.key", input.key());
        String name = Checks.name("input.name", input.name());
        ItemId id = new ItemId(account, key);
        if (!accountReads.competitorsById(List.of(id)).isEmpty()) {
            throw new InvalidInputException("input.key",
                    "a competitor with key '" + key + "' already exists in account '" + account + "'");
        }
        neo4j.query("CREATE (c:Competitor {account: $account, key: $key, name: $name})")
                .bindAll(Map.of("account", account, "key", key, "name", name)).run();
        support.bumpKeepingStructure(account, MapChanged.node("Competitor", key));
        return accountReads.competitorsById(List.of(id)).get(id);
    }

    public Competitor updateCompetitor(UpdateCompetitorInput input) {
        ItemId id = ItemId.parse("input.id", input.id());
        if (accountReads.competitorsById(List.of(id)).isEmpty()) {
            throw new NotFoundException("input.id", "competitor", id.toString());
        }
        if (given(input.name())) {
            neo4j.query("MATCH (c:Competitor {account: $account, key: $key}) SET c.name = $name")
                    .bindAll(Map.of("account", id.account(), "key", id.key(),
                            "name", Checks.name("input.name", input.name().value()))).run();
        }
        support.bumpKeepingStructure(id.account(), MapChanged.node("Competitor", id.key()));
        return accountReads.competitorsById(List.of(id)).get(id);
    }
}
