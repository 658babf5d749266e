package io.innercircle.analysis.innercircle;

import java.util.AbstractList;
import java.util.List;
import java.util.RandomAccess;
import java.util.function.Supplier;

/**
 * A person's reasons, written when first read. An analysis holds a few sentences for everyone on the map, but a
 * client reads them for a handful of people (the candidates, the person on screen): writing them all up front was a
 * quarter of the scoring of a 2,000-person map in a flight recording of the app, on the path from an edit to a
 * current Inner Circle. Unmodifiable, and safe to read from several threads: the first reader writes them under
 * {@code lock}, which also guards whatever state the writer shares with the other people's reasons.
 */
final class LazyReasons extends AbstractList<String> implements RandomAccess {

    private final Object lock;
    private Supplier<List<String>> writer;
    private volatile List<String> reasons;

    LazyReasons(Object lock, Supplier<List<String>> writer) {
        this.lock = lock;
        this.writer = writer;
    }

    private List<String> reasons() {
        List<String> written = reasons;
        if (written == null) {
            synchronized (lock) {
                written = reasons;
                if (written == null) {
                    written = List.copyOf(writer.get());
                    reasons = written;
                    // What the writer holds (the person's listeners, measures...) is no longer needed.
                    writer = null;
                }
            }
        }
        return written;
    }

    @Override
    public String get(int index) {
        return reasons().get(index);
    }

    @Override
    public int size() {
        return reasons().size();
    }
}
