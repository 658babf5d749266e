package io.innercircle.support;

import org.springframework.graphql.test.tester.WebSocketGraphQlTester;
import org.springframework.web.reactive.socket.client.StandardWebSocketClient;
import reactor.core.Disposable;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.BlockingQueue;

/** GraphQL subscriptions over the app's WebSocket, signed in with HTTP Basic on the handshake as a client would. */
public final class Subscriptions {

    private Subscriptions() {
    }

    public static WebSocketGraphQlTester socket(int port, String user) {
        return WebSocketGraphQlTester.builder(URI.create("ws://localhost:" + port + "/graphql"),
                        new StandardWebSocketClient())
                .headers(h -> h.setBasicAuth(user, user)).responseTimeout(Duration.ofSeconds(60)).build();
    }

    /**
     * Subscribes with the test document named like its field ({@code mapChanges}, {@code analysisUpdates}) for one
     * account, adding each event to {@code into}.
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public static Disposable subscribe(WebSocketGraphQlTester socket, String field, String account,
                                       BlockingQueue<Map<String, Object>> into) {
        return socket.documentName(field).variable("account", account).executeSubscription()
                .toFlux(field, Map.class).subscribe(m -> into.add((Map<String, Object>) m));
    }
}
