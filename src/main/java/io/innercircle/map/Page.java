package io.innercircle.map;

import graphql.relay.Connection;
import graphql.relay.DefaultConnectionCursor;
import graphql.relay.DefaultEdge;
import graphql.relay.DefaultPageInfo;
import io.innercircle.api.InvalidInputException;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.function.Function;

/**
 * Relay-style cursor pagination over a list ordered by key. The cursor is the opaque, base64-encoded key of the
 * edge's node, so pages stay stable while people are added or removed elsewhere in the list.
 */
public record Page<T>(List<Edge<T>> edges, PageInfo pageInfo, int totalCount) implements Connection<T> {

    public static final int DEFAULT_SIZE = 50;
    public static final int MAX_SIZE = 500;

    public record Edge<T>(T node, String cursor) {}

    public record PageInfo(boolean hasPreviousPage, boolean hasNextPage, String startCursor, String endCursor) {}

    // Spring for GraphQL passes graphql-java Connections through untouched; other types need an adapter that
    // would drop totalCount.
    @Override
    public List<graphql.relay.Edge<T>> getEdges() {
        return edges.stream().<graphql.relay.Edge<T>>map(e ->
                new DefaultEdge<>(e.node(), new DefaultConnectionCursor(e.cursor()))).toList();
    }

    @Override
    public graphql.relay.PageInfo getPageInfo() {
        return new DefaultPageInfo(
                pageInfo.startCursor() == null ? null : new DefaultConnectionCursor(pageInfo.startCursor()),
                pageInfo.endCursor() == null ? null : new DefaultConnectionCursor(pageInfo.endCursor()),
                pageInfo.hasPreviousPage(), pageInfo.hasNextPage());
    }

    /** What the client asked for, checked: forward (first/after) or backward (last/before). */
    public record Request(int size, String afterKey, String beforeKey, boolean backward) {

        public static Request of(Integer first, String after, Integer last, String before) {
            if (first != null && last != null) {
                throw new InvalidInputException("first", "give either first or last, not both");
            }
            if (first != null && (first < 0 || first > MAX_SIZE)) {
                throw new InvalidInputException("first", "must be between 0 and " + MAX_SIZE);
            }
            if (last != null && (last < 0 || last > MAX_SIZE)) {
                throw new InvalidInputException("last", "must be between 0 and " + MAX_SIZE);
            }
            boolean backward = last != null;
            int size = backward ? last : first != null ? first : DEFAULT_SIZE;
            return new Request(size, decode("after", after), decode("before", before), backward);
        }
    }

    /**
     * Builds the page from up to {@code size + 1} rows read in the direction of the request (the extra row only
     * says whether there is more).
     */
    public static <T> Page<T> of(List<T> rows, Request request, Function<T, String> key, int totalCount) {
        boolean more = rows.size() > request.size();
        List<T> page = new ArrayList<>(more ? rows.subList(0, request.size()) : rows);
        if (request.backward()) {
            java.util.Collections.reverse(page);
        }
        List<Edge<T>> edges = page.stream().map(n -> new Edge<>(n, encode(key.apply(n)))).toList();
        boolean hasNext = request.backward() ? request.beforeKey() != null : more;
        boolean hasPrevious = request.backward() ? more : request.afterKey() != null;
        return new Page<>(edges, new PageInfo(hasPrevious, hasNext,
                edges.isEmpty() ? null : edges.get(0).cursor(),
                edges.isEmpty() ? null : edges.get(edges.size() - 1).cursor()), totalCount);
    }

    /**
     * A page of a list computed in memory (a ranking, not a key order): the cursor is the position in the list,
     * which is stable while the underlying data does not change.
     */
    public static <T> Page<T> ofPositions(List<T> all, Integer first, String after) {
        if (first != null && (first < 0 || first > MAX_SIZE)) {
            throw new InvalidInputException("first", "must be between 0 and " + MAX_SIZE);
        }
        int size = first == null ? DEFAULT_SIZE : first;
        int start = 0;
        if (after != null) {
            String position = decode("after", after);
            try {
                start = Integer.parseInt(position.substring(1)) + 1;
            } catch (RuntimeException e) {
                throw new InvalidInputException("after", "is not a cursor returned by this API");
            }
        }
        int end = Math.min(all.size(), start + size);
        List<Edge<T>> edges = new ArrayList<>();
        for (int i = start; i < end; i++) {
            edges.add(new Edge<>(all.get(i), encode("#" + i)));
        }
        return new Page<>(edges, new PageInfo(start > 0, end < all.size(),
                edges.isEmpty() ? null : edges.get(0).cursor(),
                edges.isEmpty() ? null : edges.get(edges.size() - 1).cursor()), all.size());
    }

    static String encode(String key) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(("k:" + key).getBytes(StandardCharsets.UTF_8));
    }

    static String decode(String field, String cursor) {
        if (cursor == null) {
            return null;
        }
        try {
            String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            if (text.startsWith("k:")) {
                return text.substring(2);
            }
        } catch (IllegalArgumentException ignored) {
            // fall through to the error below
        }
        throw new InvalidInputException(field, "is not a cursor returned by this API");
    }
}
