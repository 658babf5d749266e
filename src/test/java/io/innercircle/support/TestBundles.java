package io.innercircle.support;

import org.springframework.core.io.ClassPathResource;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Loads map bundles from {@code src/test/resources/bundles/} through the app's own import endpoint. */
public final class TestBundles {

    private TestBundles() {
    }

    public static String read(String name) {
        try {
            return new ClassPathResource("bundles/" + name).getContentAsString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static void importBundle(WebTestClient http, String name) {
        importJson(http, read(name));
    }

    /** Imports a bundle given as JSON text (a generated one, say), replacing the account's map. */
    public static void importJson(WebTestClient http, String bundle) {
        http.post().uri("/api/bundles").contentType(MediaType.APPLICATION_JSON).bodyValue(bundle)
                .exchange().expectStatus().isOk();
    }
}
