package io.innercircle.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.innercircle.bundle.BundleGenerator;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Generated accounts of any size (see {@link BundleGenerator}) whose first opportunity involves a chosen number of
 * people, as a real deal in a big account does, imported through the bundle API.
 */
public final class BigAccounts {

    private BigAccounts() {
    }

    /** The generated bundle with its opportunities cut to {@code dealPeople} people each (roles and statuses). */
    public static ObjectNode bundle(String account, int people, int dealPeople, long seed) {
        ObjectNode tree = (ObjectNode) BundleGenerator.toTree(BundleGenerator.generate(account, people, seed));
        for (JsonNode o : tree.path("opportunities")) {
            Set<String> kept = new LinkedHashSet<>();
            for (String list : List.of("roles", "status")) {
                for (JsonNode entry : o.path(list)) {
                    if (kept.size() < dealPeople) {
                        kept.add(entry.path("stakeholder").asText());
                    }
                }
            }
            for (String list : List.of("roles", "status")) {
                if (o.has(list)) {
                    List<JsonNode> keep = new ArrayList<>();
                    o.path(list).forEach(e -> {
                        if (kept.contains(e.path("stakeholder").asText())) {
                            keep.add(e);
                        }
                    });
                    ((ArrayNode) o.path(list)).removeAll().addAll(keep);
                }
            }
        }
        return tree;
    }

    /** Imports the account; returns the id of its first opportunity. */
    public static String importAccount(WebTestClient http, String account, int people, int dealPeople, long seed) {
        ObjectNode bundle = bundle(account, people, dealPeople, seed);
        // A big import on a busy machine can take longer than the default minute.
        http.mutate().responseTimeout(java.time.Duration.ofMinutes(5)).build().post().uri("/api/bundles").contentType(MediaType.APPLICATION_JSON).bodyValue(bundle.toString())
                .exchange().expectStatus().isOk();
        return account + "/" + bundle.path("opportunities").get(0).path("key").asText();
    }

    /** The stakeholders the first opportunity involves (with a role or a status). */
    public static Set<String> dealPeople(ObjectNode bundle) {
        Set<String> people = new LinkedHashSet<>();
        JsonNode o = bundle.path("opportunities").get(0);
        o.path("roles").forEach(e -> people.add(e.path("stakeholder").asText()));
        o.path("status").forEach(e -> people.add(e.path("stakeholder").asText()));
        return people;
    }
}
