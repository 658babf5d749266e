package io.innercircle.history.internal;

import io.innercircle.bundle.BundleGenerator;
import io.innercircle.support.IntegrationTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the history costs on a 2,000-person map: a whole import, and a single edit (where the recorder reads
 * the account's facts and writes only what changed). Times are logged, not asserted (shared machine); what is
 * asserted is that one edit writes one change, not a copy of the map, and that replay works at that size.
 */
@Tag("slow")
class HistoryCostTest extends IntegrationTest {

    private static final Logger log = LoggerFactory.getLogger(HistoryCostTest.class);

    @Autowired
    private HistoryRecorder recorder;

    @Test
    void oneEditOnATwoThousandPersonMapRecordsOneChange() {
        String json = BundleGenerator.toJson(BundleGenerator.generate("big", 2_000, 7));
        long start = System.nanoTime();
        http.post().uri("/api/bundles").contentType(MediaType.APPLICATION_JSON).bodyValue(json).exchange()
                .expectStatus().isOk();
        long importMs = (System.nanoTime() - start) / 1_000_000;
        HistoryRecorder.Timing imported = recorder.last();
        OffsetDateTime afterImport = OffsetDateTime.now(ZoneOffset.UTC);

        List<Long> editMs = new ArrayList<>();
        List<HistoryRecorder.Timing> edits = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            start = System.nanoTime();
            graphQl.documentName("updateStakeholder").variable("input", Map.of("id", "big/p0010",
                    "notes", "edit " + i)).execute().path("updateStakeholder.stakeholder.id").hasValue();
            editMs.add((System.nanoTime() - start) / 1_000_000);
            edits.add(recorder.last());
        }
        start = System.nanoTime();
        String opportunity = graphQl.document("{ account(key: \"big\") { opportunities { id } } }").execute()
                .path("account.opportunities[0].id").entity(String.class).get();
        graphQl.documentName("politicalMapAsOf").variable("opportunity", opportunity)
                .variable("asOf", afterImport.toString()).execute().path("politicalMap.people").entityList(Object.class)
                .hasSize(2_000);
        long replayMs = (System.nanoTime() - start) / 1_000_000;

        log.info("History on a 2,000-person map: import {} ms over HTTP, of which history read {} ms + write {} ms "
                        + "({} facts, {} changes); single edit over HTTP {} ms, history read+write {}; "
                        + "replay as of before 5 edits {} ms", importMs, imported.readMs(), imported.writeMs(),
                imported.facts(), imported.changes(), editMs,
                edits.stream().map(t -> t.facts() + " facts " + t.readMs() + "+" + t.writeMs()).toList(), replayMs);
        assertThat(imported.facts()).isGreaterThan(2_000);
        // An edit compares the person it changed and the lines at them, not the 14,000 facts of the map.
        assertThat(edits).allSatisfy(t -> {
            assertThat(t.changes()).isEqualTo(1);
            assertThat(t.scoped()).isTrue();
            assertThat(t.facts()).isLessThan(100);
        });
    }
}
