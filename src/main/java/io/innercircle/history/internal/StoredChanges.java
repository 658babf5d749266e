package io.innercircle.history.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * How a change set's entries ({@link ChangeEntry} texts) are kept on its ChangeSet node. Up to
 * {@value #PACK_FROM} entries: the list property {@code changes}, one string per entry, readable in Cypher. From
 * {@value #PACK_FROM} on (an import or a whole-map replace): the property {@code packed}, the entries one per line,
 * deflated. A 5,000-person first import lists about 37,000 entries, several megabytes of text kept beside the
 * mirror that holds the same facts; deflated they take about a thirteenth (a 300-person map's first import: 581 kB
 * of entries, 43 kB packed): that much less in the store, the backups and what a read of the history (the map as
 * it was, what changed since) loads. It did not make the import measurably faster: that came from keeping the
 * mirror as one snapshot rather than a node per fact ({@link MirrorSnapshot}). Readers take either
 * ({@link #entries}); change sets written before packing keep their list.
 */
final class StoredChanges {

    /** From this many entries a change set is packed: below it the list is small and packing saves nothing. */
    static final int PACK_FROM = 512;

    private StoredChanges() {
    }

    /** The list to store as {@code changes}, or null when the entries are packed instead. */
    static List<String> listed(List<String> entries) {
        return entries.size() < PACK_FROM ? entries : null;
    }

    /** The bytes to store as {@code packed}, or null when the entries are listed instead. */
    static byte[] packed(List<String> entries) {
        if (entries.size() < PACK_FROM) {
            return null;
        }
        // An entry is one JSON object as Jackson writes it: a line break inside a string is escaped, so a raw one
        // only ever separates entries.
        return PackedLines.pack(entries, entries.size());
    }

    /** A stored change set's entries, from whichever of the two properties it has. */
    static List<String> entries(Object listed, Object packed) {
        if (packed instanceof byte[] bytes) {
            try {
                String text = PackedLines.unpack(bytes);
                List<String> entries = new ArrayList<>();
                int from = 0;
                for (int end = text.indexOf('\n'); end >= 0; end = text.indexOf('\n', from)) {
                    entries.add(text.substring(from, end));
                    from = end + 1;
                }
                return entries;
            } catch (IOException e) {
                throw new IllegalStateException("A stored change set's packed entries cannot be read", e);
            }
        }
        if (listed == null) {
            return List.of();
        }
        return ((List<?>) listed).stream().map(String.class::cast).toList();
    }
}
