package io.innercircle.history.internal;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.DeflaterOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The snapshot's stored form keeps every fact as it was, whatever its ids hold, and finds the lines at a node. */
class MirrorSnapshotTest {

    private static final String ODD = "Rating:Opportunity:x~a\tb\\c\nd";

    private static MirrorSnapshot snapshot() {
        Map<String, MirrorSnapshot.Entry> facts = new LinkedHashMap<>();
        facts.put("Account", new MirrorSnapshot.Entry(null, null, "{\"id\":\"Account\"}"));
        facts.put("Stakeholder:a", new MirrorSnapshot.Entry(null, null, "{\"id\":\"Stakeholder:a\",\"n\":\"t\\tab\"}"));
        facts.put("Stakeholder:b", new MirrorSnapshot.Entry(null, null, "{\"id\":\"Stakeholder:b\"}"));
        facts.put(ODD, new MirrorSnapshot.Entry(null, null, "{\"id\":\"odd\"}"));
        facts.put("INFLUENCES|Stakeholder:a|Stakeholder:b",
                new MirrorSnapshot.Entry("Stakeholder:a", "Stakeholder:b", "{\"strength\":2}"));
        facts.put("RATES|" + ODD + "|Stakeholder:b", new MirrorSnapshot.Entry(ODD, "Stakeholder:b", "{}"));
        return new MirrorSnapshot("s1", facts);
    }

    @Test
    void packedAndUnpackedTheFactsAreTheSame() {
        MirrorSnapshot written = snapshot();
        MirrorSnapshot read = MirrorSnapshot.unpack("s1", written.pack());
        assertThat(read.id()).isEqualTo("s1");
        assertThat(read.factIds()).containsExactlyInAnyOrderElementsOf(written.factIds());
        for (String id : written.factIds()) {
            assertThat(read.get(id)).as(id).isEqualTo(written.get(id));
        }
        assertThat(read.weight()).isEqualTo(written.weight());
    }

    @Test
    void aroundANodeAreTheNodeAndTheLinesAtEitherEnd() {
        MirrorSnapshot read = MirrorSnapshot.unpack("s1", snapshot().pack());
        assertThat(read.around(List.of("Stakeholder:b"))).containsExactlyInAnyOrder("Stakeholder:b",
                "INFLUENCES|Stakeholder:a|Stakeholder:b", "RATES|" + ODD + "|Stakeholder:b");
        assertThat(read.around(List.of(ODD, "Account"))).containsExactlyInAnyOrder(ODD, "Account",
                "RATES|" + ODD + "|Stakeholder:b");
        assertThat(read.around(List.of("Stakeholder:nobody"))).isEmpty();
    }

    @Test
    void aDamagedSnapshotIsRefusedWithItsId() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DeflaterOutputStream out = new DeflaterOutputStream(bytes)) {
            out.write("Stakeholder:a\t\n".getBytes(StandardCharsets.UTF_8));
        }
        assertThatThrownBy(() -> MirrorSnapshot.unpack("s9", bytes.toByteArray()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("'s9'");
        assertThatThrownBy(() -> MirrorSnapshot.unpack("s9", new byte[] {1, 2, 3}))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("'s9'");
    }
}
