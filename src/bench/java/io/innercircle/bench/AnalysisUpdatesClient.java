package io.innercircle.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A client of the {@code analysisUpdates} subscription, as a script waiting for a big map's refresh would use it:
 * one WebSocket (graphql-transport-ws, signed in with the API token on the handshake), and the highest analysis
 * version the app has said is current.
 */
final class AnalysisUpdatesClient implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final WebSocket socket;
    private final Object lock = new Object();
    private long analysed = -1;
    private String failure;

    private AnalysisUpdatesClient(String base, String bearer, String account) throws Exception {
        String subscribe = JSON.writeValueAsString(Map.of("id", "1", "type", "subscribe", "payload", Map.of(
                "query", "subscription($a: ID!) { analysisUpdates(account: $a) { analysisVersion } }",
                "variables", Map.of("a", account))));
        WebSocket.Listener listener = new WebSocket.Listener() {
            private final StringBuilder text = new StringBuilder();

            @Override
            public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
                text.append(data);
                if (last) {
                    received(ws, text.toString(), subscribe);
                    text.setLength(0);
                }
                ws.request(1);
                return null;
            }

            @Override
            public void onError(WebSocket ws, Throwable error) {
                failed(String.valueOf(error));
            }
        };
        this.socket = HttpClient.newHttpClient().newWebSocketBuilder()
                .header("Authorization", bearer).subprotocols("graphql-transport-ws")
                .buildAsync(URI.create(base.replaceFirst("^http", "ws") + "/graphql"), listener)
                .get(30, TimeUnit.SECONDS);
        socket.sendText("{\"type\":\"connection_init\",\"payload\":{}}", true);
    }

    /** Subscribes and waits for the first event: the analysis current now. */
    static AnalysisUpdatesClient open(String base, String bearer, String account) throws Exception {
        AnalysisUpdatesClient client = new AnalysisUpdatesClient(base, bearer, account);
        client.awaitAbove(-1, 120_000);
        return client;
    }

    private void received(WebSocket ws, String message, String subscribe) {
        try {
            JsonNode m = JSON.readTree(message);
            switch (m.path("type").asText()) {
                case "connection_ack" -> ws.sendText(subscribe, true);
                case "ping" -> ws.sendText("{\"type\":\"pong\"}", true);
                case "next" -> {
                    JsonNode update = m.path("payload").path("data").path("analysisUpdates");
                    if (update.isMissingNode()) {
                        failed(message);
                    } else {
                        synchronized (lock) {
                            analysed = Math.max(analysed, update.path("analysisVersion").asLong());
                            lock.notifyAll();
                        }
                    }
                }
                case "error", "complete" -> failed(message);
                default -> { }
            }
        } catch (Exception e) {
            failed(e.toString());
        }
    }

    private void failed(String why) {
        synchronized (lock) {
            failure = why;
            lock.notifyAll();
        }
    }

    /** The highest analysis version said to be current so far. */
    long analysed() {
        synchronized (lock) {
            return analysed;
        }
    }

    /** Waits until an analysis newer than {@code version} is said to be current; returns its version. */
    long awaitAbove(long version, long timeoutMs) throws InterruptedException, TimeoutException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMs);
        synchronized (lock) {
            while (analysed <= version) {
                if (failure != null) {
                    throw new IllegalStateException("analysisUpdates failed: " + failure);
                }
                long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                if (left <= 0) {
                    throw new TimeoutException("no analysis update above version " + version + " in " + timeoutMs
                            + " ms");
                }
                lock.wait(left);
            }
            return analysed;
        }
    }

    @Override
    public void close() {
        socket.sendClose(WebSocket.NORMAL_CLOSURE, "done");
    }
}
