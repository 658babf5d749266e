package io.innercircle.history.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;

/**
 * Lines of text stored deflated, one byte array: how the history keeps a big change set's entries
 * ({@link StoredChanges}) and a mirror snapshot's facts ({@link MirrorSnapshot}). Each line must hold no raw line
 * break of its own; the readers split the text at them.
 */
final class PackedLines {

    private PackedLines() {
    }

    /** The lines, each ended by a line break, deflated at the fastest level: an import waits for it. */
    static byte[] pack(Iterable<String> lines, int expectedLines) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(Math.max(32, expectedLines * 32));
        try (DeflaterOutputStream out = new DeflaterOutputStream(bytes, new Deflater(Deflater.BEST_SPEED), 65_536)) {
            for (String line : lines) {
                out.write(line.getBytes(StandardCharsets.UTF_8));
                out.write('\n');
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** The text as packed, every line ended by a line break. */
    static String unpack(byte[] packed) throws IOException {
        try (InputStream in = new InflaterInputStream(new ByteArrayInputStream(packed), new Inflater(), 65_536)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
