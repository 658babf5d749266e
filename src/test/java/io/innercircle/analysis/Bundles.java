package io.innercircle.analysis;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.innercircle.analysis.MapSnapshot.ConflictLine;
import io.innercircle.analysis.MapSnapshot.Contact;
import io.innercircle.analysis.MapSnapshot.Deal;
import io.innercircle.analysis.MapSnapshot.InfluenceLine;
import io.innercircle.analysis.MapSnapshot.Involvement;
import io.innercircle.analysis.MapSnapshot.Person;
import io.innercircle.analysis.MapSnapshot.ReportingLine;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a map bundle (political-map-bundle/v1) from the test classpath into an {@link MapSnapshot}, the way the
 * database query would hand it to the analysis. Only what the analysis reads is mapped.
 */
public final class Bundles {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Bundles() {
    }

    public static MapSnapshot load(String resource) {
        try (InputStream in = Bundles.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("No test resource " + resource);
            }
            return read(JSON.readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static MapSnapshot courseExample() {
        return load("/bundles/course-example.json");
    }

    public static MapSnapshot read(JsonNode root) {
        List<Person> people = new ArrayList<>();
        List<ReportingLine> reporting = new ArrayList<>();
        for (JsonNode s : root.path("stakeholders")) {
            people.add(new Person(text(s, "key"), text(s, "name"), text(s, "title"), text(s, "department"),
                    integer(s, "rank"), integer(s, "influence"),
                    s.hasNonNull("innerCircle") ? s.get("innerCircle").asBoolean() : null,
                    s.path("external").asBoolean(false), s.path("placeholder").asBoolean(false),
                    text(s, "adaptability")));
            if (s.hasNonNull("reportsTo")) {
                reporting.add(new ReportingLine(text(s, "key"), text(s, "reportsTo")));
            }
        }
        List<InfluenceLine> influences = new ArrayList<>();
        for (JsonNode i : root.path("influences")) {
            influences.add(new InfluenceLine(text(i, "from"), text(i, "to"), i.get("strength").asInt()));
        }
        List<ConflictLine> conflicts = new ArrayList<>();
        for (JsonNode c : root.path("conflicts")) {
            conflicts.add(new ConflictLine(c.get("between").get(0).asText(), c.get("between").get(1).asText()));
        }
        Map<String, String> teamNames = new HashMap<>();
        for (JsonNode t : root.path("team")) {
            teamNames.put(text(t, "key"), text(t, "name"));
        }
        List<Contact> contacts = new ArrayList<>();
        for (JsonNode c : root.path("contacts")) {
            contacts.add(new Contact(text(c, "teamMember"), teamNames.get(text(c, "teamMember")),
                    text(c, "stakeholder"), text(c, "coverage"),
                    c.hasNonNull("lastContact") ? LocalDate.parse(text(c, "lastContact")) : null,
                    text(c, "relationship")));
        }
        List<Deal> deals = new ArrayList<>();
        for (JsonNode o : root.path("opportunities")) {
            Map<String, Set<String>> roles = new LinkedHashMap<>();
            Map<String, String> status = new LinkedHashMap<>();
            for (JsonNode r : o.path("roles")) {
                Set<String> rs = new LinkedHashSet<>();
                r.path("roles").forEach(x -> rs.add(x.asText()));
                roles.put(text(r, "stakeholder"), rs);
            }
            for (JsonNode st : o.path("status")) {
                status.put(text(st, "stakeholder"), text(st, "status"));
            }
            Set<String> involved = new LinkedHashSet<>(roles.keySet());
            involved.addAll(status.keySet());
            List<Involvement> involvements = involved.stream()
                    .map(k -> new Involvement(k, Set.copyOf(roles.getOrDefault(k, Set.of())), status.get(k)))
                    .toList();
            deals.add(new Deal(text(o, "key"), text(o, "name"), text(o, "stage"),
                    o.hasNonNull("amount") ? o.get("amount").asDouble() : null, text(o, "currency"),
                    o.hasNonNull("closeDate") ? LocalDate.parse(text(o, "closeDate")) : null, involvements));
        }
        return new MapSnapshot(text(root.path("account"), "key"), 1, people, reporting, influences, conflicts,
                contacts, deals);
    }

    private static String text(JsonNode node, String field) {
        return node.hasNonNull(field) ? node.get(field).asText() : null;
    }

    private static Integer integer(JsonNode node, String field) {
        return node.hasNonNull(field) ? node.get(field).asInt() : null;
    }
}
