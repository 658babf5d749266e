package io.innercircle.map;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Everything a whole-map write left in an account, told by the write itself: a bundle import that replaces the
 * map deleted every node of {@link #labels()} in the account and created exactly these nodes and lines. The
 * history takes the new map from here instead of reading it back from the database (see {@link MapChanged}).
 *
 * <p>Property values are as Neo4j stores them (dates as {@link java.time.LocalDate}, amounts as doubles); a null
 * value is a property the write left unset. Lines name their two ends by node; a node without a key of its own (an
 * assessment rating) is known by the line that leads to it. Not a record: equality is identity, so an event that
 * carries one stays cheap to compare and hash.
 */
public final class WrittenMap {

    /** A node the write created; {@code key} is null for a node that has no key of its own. */
    public record Node(String label, String key, Map<String, Object> props) {
    }

    /** A relationship the write created between two of its nodes. */
    public record Line(String type, Node from, Node to, Map<String, Object> props) {
    }

    private final Set<String> labels;
    private final List<Node> nodes = new ArrayList<>();
    private final List<Line> lines = new ArrayList<>();

    /** @param labels the labels whose nodes in the account are exactly the ones this write adds */
    public WrittenMap(Set<String> labels) {
        this.labels = Set.copyOf(labels);
    }

    public Node node(String label, String key, Map<String, Object> props) {
        if (!labels.contains(label)) {
            throw new IllegalArgumentException(label + " is not among the labels this write replaces");
        }
        Node node = new Node(label, key, props);
        nodes.add(node);
        return node;
    }

    public void line(String type, Node from, Node to, Map<String, Object> props) {
        lines.add(new Line(type, from, to, props));
    }

    public Set<String> labels() {
        return labels;
    }

    public List<Node> nodes() {
        return Collections.unmodifiableList(nodes);
    }

    public List<Line> lines() {
        return Collections.unmodifiableList(lines);
    }
}
