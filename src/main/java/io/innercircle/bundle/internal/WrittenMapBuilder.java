package io.innercircle.bundle.internal;

import io.innercircle.map.WrittenMap;

import java.util.HashMap;
import java.util.Map;

/**
 * What a replace wrote ({@link WrittenMap}), told by the bundle writer row by row: the nodes by key, one map per
 * label, while it is being told. All no-ops for a merge (a null map), whose result is only known by reading the
 * account.
 */
final class WrittenMapBuilder {
    final WrittenMap map;
    private final Map<String, Map<String, WrittenMap.Node>> byLabel = new HashMap<>();

    WrittenMapBuilder(WrittenMap map) {
        this.map = map;
    }

    /** A node whose properties are its row without the key (the key is the node's, not a property). */
    WrittenMap.Node node(String label, Map<String, Object> row) {
        if (map == null) {
            return null;
        }
        Map<String, Object> props = new HashMap<>(row);
        String key = (String) props.remove("key");
        WrittenMap.Node node = map.node(label, key, props);
        byLabel.computeIfAbsent(label, l -> new HashMap<>()).put(key, node);
        return node;
    }

    WrittenMap.Node get(String label, String key) {
        return map == null ? null : byLabel.getOrDefault(label, Map.of()).get(key);
    }

    void line(String type, WrittenMap.Node from, WrittenMap.Node to, Object... props) {
        if (map != null) {
            map.line(type, from, to, BundleStatements.props(props));
        }
    }
}
