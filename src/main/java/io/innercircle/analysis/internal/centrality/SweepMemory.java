package io.innercircle.analysis.internal.centrality;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The last all-sources sweep of the most recently analysed big maps, source by source ({@link SourceDependencies}),
 * so that the next analysis of the same map after an edit of a few lines searches again only from the sources
 * those lines touch. Bounded in bytes ({@code 8 n²} per map of {@code n} people), least recently used out first;
 * maps under {@link #MIN_PEOPLE} people are not kept, their sweep taking a few milliseconds.
 *
 * <p>A kept sweep is taken out while it is brought up to date, so two analyses of one map at once never share it
 * (the second sweeps afresh), and it is put back afterwards. An instance keeps its own: each kept sweep is
 * compared with the graph it was made from, never with what another instance wrote.
 *
 * <p>A plain map in access order rather than Caffeine, which bounds the analysis cache: Caffeine's admission policy
 * keeps an entry read before over a new one read as rarely, so it would turn away the sweep of the map just edited,
 * the one most likely to be edited next; and its weights are ints, too small for the bytes of a sweep past 16,000
 * people.
 */
public final class SweepMemory {

    /** Below this many people a fresh sweep takes a few milliseconds: nothing worth keeping. */
    public static final int MIN_PEOPLE = 500;

    private final long maxBytes;
    private final LinkedHashMap<String, SourceDependencies> kept = new LinkedHashMap<>(16, 0.75f, true);
    private long bytes;
    private final AtomicLong fresh = new AtomicLong();
    private final AtomicLong again = new AtomicLong();
    private final AtomicLong skipped = new AtomicLong();

    /** @param maxBytes the most bytes kept over all maps; 0 keeps nothing */
    public SweepMemory(long maxBytes) {
        this.maxBytes = Math.max(0, maxBytes);
    }

    /** Keeps nothing: every analysis sweeps afresh. */
    public static SweepMemory none() {
        return new SweepMemory(0);
    }

    boolean wouldKeep(int people) {
        // One array of n² shares: Java arrays end at 2^31 entries (46,340 people).
        return people >= MIN_PEOPLE && (long) people * people < Integer.MAX_VALUE - 8
                && SourceDependencies.bytesFor(people) <= maxBytes;
    }

    /** The kept sweep of the map, taken out (null when there is none). */
    synchronized SourceDependencies take(String map) {
        SourceDependencies d = kept.remove(map);
        if (d != null) {
            bytes -= d.bytes();
        }
        return d;
    }

    /** Keeps the sweep as the map's latest, dropping the least recently used others to stay within the bound. */
    synchronized void keep(String map, SourceDependencies d) {
        SourceDependencies before = kept.remove(map);
        if (before != null) {
            bytes -= before.bytes();
        }
        if (d.bytes() > maxBytes) {
            return;
        }
        Iterator<Map.Entry<String, SourceDependencies>> eldest = kept.entrySet().iterator();
        while (bytes + d.bytes() > maxBytes && eldest.hasNext()) {
            bytes -= eldest.next().getValue().bytes();
            eldest.remove();
        }
        kept.put(map, d);
        bytes += d.bytes();
    }

    /** Counts a sweep kept here: fresh, or an update that searched again from {@code searched} of the people. */
    void counted(boolean updated, int searched, int people) {
        if (updated) {
            again.addAndGet(searched);
            skipped.addAndGet(people - searched);
        } else {
            fresh.addAndGet(searched);
        }
    }

    /** Sources searched from in fresh sweeps of kept maps, since start. */
    public long freshSources() {
        return fresh.get();
    }

    /** Sources searched from again when a kept sweep was brought up to date, since start. */
    public long sourcesSearchedAgain() {
        return again.get();
    }

    /** Sources not searched from again because a kept sweep still held their searches, since start. */
    public long sourcesSkipped() {
        return skipped.get();
    }

    /** Bytes kept now. */
    public synchronized long bytes() {
        return bytes;
    }
}
