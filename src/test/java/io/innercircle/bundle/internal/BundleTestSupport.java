package io.innercircle.bundle.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.innercircle.support.SecondAppTest;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.MediaType;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Helpers for the bundle tests: the shared examples, REST calls, and what is in the database. The bundle tests run
 * on the second app ({@link SecondAppTest}), so they read the database through the app's driver.
 */
abstract class BundleTestSupport extends SecondAppTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String COURSE = "national-manufacturing";
    static final String KRACKHARDT = "krackhardt-hightech";

    /** A fresh, mutable copy of a shared example from src/test/resources/bundles. */
    static ObjectNode example(String name) {
        try (InputStream in = new ClassPathResource("bundles/" + name + ".json").getInputStream()) {
            return (ObjectNode) JSON.readTree(in);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] bytes(Object json) {
        try {
            return json instanceof byte[] b ? b : json instanceof String s ? s.getBytes()
                    : JSON.writeValueAsBytes(json);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static JsonNode tree(byte[] json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** POST /api/bundles; returns the status and the parsed answer. */
    Response post(Object bundle, boolean merge) {
        var result = http.post().uri(merge ? "/api/bundles?merge=true" : "/api/bundles")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(bytes(bundle))
                .exchange()
                .expectBody(byte[].class)
                .returnResult();
        byte[] body = result.getResponseBody();
        return new Response(result.getStatus().value(), body == null ? null : tree(body));
    }

    JsonNode imported(Object bundle, boolean merge) {
        Response response = post(bundle, merge);
        assertThat(response.status()).as("import answer %s", response.body()).isEqualTo(200);
        return response.body();
    }

    /** GET /api/accounts/{key}/bundle as raw bytes (the byte-identical checks need the exact text). */
    byte[] export(String account) {
        return http.get().uri("/api/accounts/{key}/bundle", account)
                .exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_JSON)
                .expectBody(byte[].class)
                .returnResult()
                .getResponseBody();
    }

    record Response(int status, JsonNode body) {

        /** The problems of a refused bundle as "pointer | message" lines, for readable assertions. */
        List<String> problems() {
            List<String> lines = new ArrayList<>();
            body.path("problems").forEach(p -> lines.add(p.path("pointer").asText() + " | "
                    + p.path("message").asText()));
            return lines;
        }

        List<String> pointers() {
            List<String> pointers = new ArrayList<>();
            body.path("problems").forEach(p -> pointers.add(p.path("pointer").asText()));
            return pointers;
        }
    }

    /** Everything the maps hold: node and relationship counts outside Liquibase's bookkeeping, and versions. */
    String databaseState() {
        return appDriver().executableQuery("""
                MATCH (n) WHERE NOT any(l IN labels(n) WHERE l STARTS WITH '__Liquibase')
                OPTIONAL MATCH (n)-[r]->()
                WITH count(DISTINCT n) AS nodes, count(r) AS relationships
                OPTIONAL MATCH (a:Account)
                WITH nodes, relationships, a ORDER BY a.key
                RETURN nodes, relationships, collect(a.key + '@' + a.version) AS accounts""")
                .execute().records().get(0).asMap().toString();
    }

    long count(String cypher, Map<String, Object> params) {
        return appDriver().executableQuery(cypher).withParameters(params).execute().records().get(0).get(0).asLong();
    }

    /**
     * The comparison of an export with the shared example it came from: the exporter may order arrays and
     * spell defaults differently, the content must be the same. Applied to both sides:
     * <ul>
     * <li>{@code "reportsTo": null} is removed (the exporter leaves absent fields out);</li>
     * <li>an influence line without {@code strength} gets {@code "strength": 2}, the schema's default;</li>
     * <li>each conflict's {@code between} pair is sorted (a conflict has no direction);</li>
     * <li>every array is sorted by the compact JSON text of its elements, after normalizing them, except
     * {@code tactics}, whose order is the plan's order and must survive as it is;</li>
     * <li>numbers are compared as JSON text after re-parsing, so 3000000 equals 3000000.</li>
     * </ul>
     */
    static JsonNode normalized(JsonNode bundle) {
        JsonNode copy = tree(bytes(bundle));
        normalize(copy, null);
        return copy;
    }

    private static void normalize(JsonNode node, String field) {
        if (node instanceof ObjectNode object) {
            if (object.has("reportsTo") && object.get("reportsTo").isNull()) {
                object.remove("reportsTo");
            }
            if ("influences".equals(field) && !object.has("strength")) {
                object.put("strength", Bundle.DEFAULT_STRENGTH);
            }
            Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> entry = fields.next();
                normalize(entry.getValue(), entry.getKey());
            }
        } else if (node instanceof ArrayNode array) {
            List<JsonNode> items = new ArrayList<>();
            array.forEach(items::add);
            items.forEach(item -> normalize(item, field));
            if (!"tactics".equals(field)) {
                items.sort(Comparator.comparing(JsonNode::toString));
            }
            array.removeAll();
            items.forEach(array::add);
        }
    }
}
