package io.innercircle.history.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The base of an account's history mirror: every fact of the map as a big write (an import, a whole-map replace)
 * left it, kept as one {@code HistorySnapshot} node instead of one {@code HistoryFact} node per fact. The facts
 * edited since are {@code HistoryFact} nodes that override it (a removed one as a tombstone), so the mirror is this
 * snapshot with those entries laid over it. One node of packed text costs an import a few milliseconds where tens
 * of thousands of indexed nodes cost it seconds (docs/operators.md); an edit finds its facts here by id and by
 * line end, in memory ({@link MirrorSnapshots} keeps recent snapshots parsed).
 *
 * <p>Stored form: the facts one per line, {@code id TAB from TAB to TAB json}, deflated. The three ids are escaped
 * (backslash, tab, line break); the JSON never holds a raw tab or line break (Jackson escapes them in strings).
 */
final class MirrorSnapshot {

    /** A fact as the snapshot holds it: its line ends (null for a node) and its JSON text. */
    record Entry(String from, String to, String json) {}

    static final MirrorSnapshot EMPTY = new MirrorSnapshot(null, Map.of());

    private final String id;
    private final Map<String, Entry> facts;
    private final int weight;
    /** Fact ids of the lines at each node id, built when an edit first asks. */
    private volatile Map<String, List<String>> linesAt;

    MirrorSnapshot(String id, Map<String, Entry> facts) {
        this.id = id;
        this.facts = facts;
        long chars = 0;
        for (Entry e : facts.values()) {
            chars += e.json().length() + 160;
        }
        this.weight = (int) Math.min(Integer.MAX_VALUE, chars);
    }

    /** The id of the stored node (a random UUID, never reused), or null for no snapshot. */
    String id() {
        return id;
    }

    int size() {
        return facts.size();
    }

    Entry get(String factId) {
        return facts.get(factId);
    }

    Collection<String> factIds() {
        return facts.keySet();
    }

    /** What the cache weighs: the characters of the text, and a little for each entry's objects. */
    int weight() {
        return weight;
    }

    /** The snapshot's facts that are the given nodes or lines at them: what an edit of those nodes compares. */
    Set<String> around(Collection<String> nodeIds) {
        Map<String, List<String>> index = linesAt();
        Set<String> out = new LinkedHashSet<>();
        for (String node : nodeIds) {
            if (facts.containsKey(node)) {
                out.add(node);
            }
            out.addAll(index.getOrDefault(node, List.of()));
        }
        return out;
    }

    private Map<String, List<String>> linesAt() {
        Map<String, List<String>> index = linesAt;
        if (index == null) {
            synchronized (this) {
                index = linesAt;
                if (index == null) {
                    index = new HashMap<>();
                    for (Map.Entry<String, Entry> f : facts.entrySet()) {
                        if (f.getValue().from() != null) {
                            index.computeIfAbsent(f.getValue().from(), k -> new ArrayList<>(4)).add(f.getKey());
                            index.computeIfAbsent(f.getValue().to(), k -> new ArrayList<>(4)).add(f.getKey());
                        }
                    }
                    linesAt = index;
                }
            }
        }
        return index;
    }

    /** The facts as stored: one line each, deflated ({@link PackedLines}). */
    byte[] pack() {
        return PackedLines.pack(() -> facts.entrySet().stream().map(MirrorSnapshot::line).iterator(), facts.size());
    }

    private static String line(Map.Entry<String, Entry> fact) {
        StringBuilder line = new StringBuilder(64 + fact.getValue().json().length());
        escape(fact.getKey(), line).append('\t');
        escape(fact.getValue().from(), line).append('\t');
        return escape(fact.getValue().to(), line).append('\t').append(fact.getValue().json()).toString();
    }

    static MirrorSnapshot unpack(String id, byte[] packed) {
        String text;
        try {
            text = PackedLines.unpack(packed);
        } catch (IOException e) {
            throw new IllegalStateException("The history mirror's snapshot '" + id + "' cannot be read", e);
        }
        Map<String, Entry> facts = new HashMap<>();
        int from = 0;
        for (int end = text.indexOf('\n'); end >= 0; end = text.indexOf('\n', from)) {
            int a = text.indexOf('\t', from);
            int b = text.indexOf('\t', a + 1);
            int c = text.indexOf('\t', b + 1);
            if (a < 0 || a > end || b < 0 || b > end || c < 0 || c > end) {
                throw new IllegalStateException("The history mirror's snapshot '" + id + "' has a damaged line");
            }
            facts.put(unescape(text.substring(from, a)), new Entry(unescape(text.substring(a + 1, b)),
                    unescape(text.substring(b + 1, c)), text.substring(c + 1, end)));
            from = end + 1;
        }
        return new MirrorSnapshot(id, facts);
    }

    /** Null is written as nothing: no fact id is empty. */
    private static StringBuilder escape(String value, StringBuilder out) {
        if (value == null) {
            return out;
        }
        for (int i = 0; i < value.length(); i++) {
            char ch = value.charAt(i);
            switch (ch) {
                case '\\' -> out.append("\\\\");
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                default -> out.append(ch);
            }
        }
        return out;
    }

    private static String unescape(String value) {
        if (value.isEmpty()) {
            return null;
        }
        if (value.indexOf('\\') < 0) {
            return value;
        }
        StringBuilder out = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char ch = value.charAt(i);
            if (ch == '\\' && i + 1 < value.length()) {
                char next = value.charAt(++i);
                out.append(next == 't' ? '\t' : next == 'n' ? '\n' : next);
            } else {
                out.append(ch);
            }
        }
        return out.toString();
    }
}
