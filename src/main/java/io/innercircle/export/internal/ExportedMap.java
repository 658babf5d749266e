package io.innercircle.export.internal;

import java.util.List;
import java.util.Map;

/**
 * One account's map, flat, for the graph tools: people and team members as nodes with their attributes, and
 * every line with its type. Attribute values are String, Long or Boolean; absent ones are left out.
 */
record ExportedMap(String account, String opportunity, List<Node> nodes, List<Line> lines) {

    /** The node's attributes in the order of {@link Attributes#NODE}; {@code id} is unique in the export. */
    record Node(String id, String key, String kind, Map<String, Object> attributes) {
    }

    /** A line between two node ids; {@code type} is REPORTS_TO, INFLUENCES, CONFLICTS_WITH or HAS_CONTACT. */
    record Line(String type, String from, String to, Map<String, Object> attributes) {

        /** For tools that weigh lines: an influence line's strength (1-3), 1 for the others. */
        double weight() {
            return attributes.get("strength") instanceof Long s ? s : 1.0;
        }
    }
}
