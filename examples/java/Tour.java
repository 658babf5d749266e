/*
 * Draw a small political map, read its Inner Circle and best influence path, handle a refused edit, with Spring for
 * GraphQL's HttpGraphQlClient. One source file, run with the JDK's source launcher:
 *
 *   java -cp "$(cat cp.txt)" examples/java/Tour.java
 *
 * where cp.txt holds a classpath with spring-graphql, spring-webflux and Jackson (from a Spring Boot project:
 * mvn dependency:build-classpath -Dmdep.outputFile=cp.txt -Dmdep.includeScope=test). Settings: INNERCIRCLE_URL,
 * INNERCIRCLE_USER / INNERCIRCLE_PASSWORD or INNERCIRCLE_TOKEN (see ../README.md).
 */
import org.springframework.graphql.ResponseError;
import org.springframework.graphql.client.ClientGraphQlResponse;
import org.springframework.graphql.client.HttpGraphQlClient;
import org.springframework.http.client.reactive.JdkClientHttpConnector;
import org.springframework.web.reactive.function.client.WebClient;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

public class Tour {

    /** The server answered with GraphQL errors; the first one says why. */
    static final class Refused extends RuntimeException {
        final ResponseError error;

        Refused(ResponseError error) {
            super(error.getMessage());
            this.error = error;
        }
    }

    private final HttpGraphQlClient client;
    private final String document;

    Tour(HttpGraphQlClient client, String document) {
        this.client = client;
        this.document = document;
    }

    ClientGraphQlResponse run(String operation, Map<String, Object> variables) {
        ClientGraphQlResponse response = client.document(document).operationName(operation).variables(variables)
                .execute().block(Duration.ofSeconds(120));
        if (!response.getErrors().isEmpty()) {
            throw new Refused(response.getErrors().get(0));
        }
        return response;
    }

    String id(String operation, Map<String, Object> variables, String path) {
        return run(operation, variables).field(path).toEntity(String.class);
    }

    public static void main(String[] args) throws Exception {
        String url = System.getenv().getOrDefault("INNERCIRCLE_URL", "http://localhost:8080").replaceAll("/$", "");
        WebClient.Builder web = WebClient.builder().clientConnector(new JdkClientHttpConnector()).baseUrl(url + "/graphql");
        String token = System.getenv("INNERCIRCLE_TOKEN");
        if (token != null && !token.isBlank()) {
            web.defaultHeaders(h -> h.setBearerAuth(token));
        } else {
            web.defaultHeaders(h -> h.setBasicAuth(System.getenv().getOrDefault("INNERCIRCLE_USER", "admin"),
                    System.getenv().getOrDefault("INNERCIRCLE_PASSWORD", "admin")));
        }
        Path here = Path.of(System.getProperty("tour.dir", "examples/java"));
        Tour tour = new Tour(HttpGraphQlClient.builder(web.build()).build(),
                Files.readString(here.resolve("../graphql/tour.graphql")));
        System.exit(tour.walk());
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    int walk() {
        byte[] random = new byte[3];
        new SecureRandom().nextBytes(random);
        String account = "tour-" + HexFormat.of().formatHex(random);
        run("CreateAccount", Map.of("key", account, "name", "Tour Industries"));
        String me = id("CreateTeamMember", Map.of("account", account, "key", "me", "name", "Alex Rep"),
                "createTeamMember.teamMember.id");
        String deal = id("CreateOpportunity", Map.of("account", account, "key", "deal", "name", "Platform 2027"),
                "createOpportunity.opportunity.id");

        record Person(String key, String name, String title, String manager, int rank) {}
        List<Person> people = List.of(new Person("ceo", "Dana Cole", "CEO", null, 5),
                new Person("cfo", "Ray Chen", "CFO", "ceo", 4), new Person("cio", "Kim Park", "CIO", "ceo", 4),
                new Person("pa", "Pat Ames", "Executive assistant", "ceo", 1),
                new Person("arch", "Lee Wu", "Architect", "cio", 2));
        Map<String, String> ids = new LinkedHashMap<>();
        for (Person p : people) {
            Map<String, Object> input = new LinkedHashMap<>(Map.of("account", account, "key", p.key(), "name", p.name(),
                    "title", p.title(), "rank", p.rank()));
            if (p.manager() != null) {
                input.put("reportsTo", ids.get(p.manager()));
            }
            ids.put(p.key(), id("CreateStakeholder", Map.of("input", input), "createStakeholder.stakeholder.id"));
        }
        for (Object[] line : new Object[][] {{"pa", "ceo", 3}, {"cfo", "ceo", 2}, {"arch", "pa", 3},
                {"cio", "ceo", 1}, {"arch", "cio", 2}}) {
            run("SetInfluence", Map.of("from", ids.get(line[0]), "to", ids.get(line[1]), "strength", line[2]));
        }
        involve(deal, ids.get("ceo"), "DECISION_MAKER", "NON_SUPPORTER");
        involve(deal, ids.get("cfo"), "APPROVER", "NEUTRAL");
        involve(deal, ids.get("arch"), "EVALUATOR", "SUPPORTER");
        run("RecordContact", Map.of("teamMember", me, "stakeholder", ids.get("arch"), "coverage", "IN_DEPTH"));
        involve(deal, ids.get("cio"), "USER", "NEUTRAL");
        System.out.println("account " + account + ": " + people.size() + " people");

        List<Map<String, Object>> candidates = run("InnerCircle", Map.of("account", account))
                .field("innerCircle.candidates").toEntityList(Map.class).stream()
                .map(m -> (Map<String, Object>) m).toList();
        System.out.println("Inner Circle: " + candidates.stream()
                .map(c -> name(c.get("person")) + " (" + two(c.get("computedInfluence")) + ")")
                .collect(Collectors.joining(", ")));

        // From our ally (a supporter we know in depth) to the decision maker.
        List<Map> paths = run("BestPath", Map.of("from", ids.get("arch"), "to", ids.get("ceo"), "opportunity", deal))
                .field("influencePaths").toEntityList(Map.class);
        if (paths.isEmpty()) {
            System.out.println("best path to Dana Cole: none");
        } else {
            Map<?, ?> best = paths.get(0);
            System.out.println("best path to Dana Cole: " + ((List<?>) best.get("people")).stream().map(Tour::name)
                    .collect(Collectors.joining(" -> ")) + " (strength " + two(best.get("strength")) + ")");
        }

        try {
            run("SetReportsTo", Map.of("stakeholder", ids.get("ceo"), "manager", ids.get("arch")));
            System.err.println("the cycle was accepted: this should not happen");
            return 1;
        } catch (Refused refused) {
            Map<String, Object> extensions = refused.error.getExtensions();
            System.out.println("refused: " + extensions.get("classification") + " " + extensions.get("field") + ": "
                    + extensions.get("reason"));
            return 0;
        }
    }

    private void involve(String deal, String person, String role, String status) {
        run("SetInvolvement", Map.of("opportunity", deal, "stakeholder", person, "roles", List.of(role),
                "status", status));
    }

    private static String name(Object person) {
        return String.valueOf(((Map<?, ?>) person).get("name"));
    }

    private static String two(Object number) {
        return String.format(java.util.Locale.ROOT, "%.2f", ((Number) number).doubleValue());
    }
}
