package io.innercircle.history.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A change entry's text is what change sets already stored hold: written field by field, it must not differ. */
class ChangeEntryTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Test
    void anEntryIsWrittenAsTheMapperWritesTheSameMapAndReadsBack() throws Exception {
        String person = FactCodec.write(new Fact("Stakeholder:deng", "Stakeholder", "deng", null, null,
                Map.of("name", "Deng \"the Fixer\" Xiǎo\tpíng", "notes", "line one\nline two \\ \u0001 </script>",
                        "rank", 3L)));
        String line = FactCodec.write(new Fact("INFLUENCES|Stakeholder:a|Stakeholder:b", "INFLUENCES", null,
                "Stakeholder:a", "Stakeholder:b", Map.of("strength", 2L)));
        String[][] cases = {{"Stakeholder:deng", null, person}, {"Stakeholder:deng", person, null},
            {"INFLUENCES|Stakeholder:a|Stakeholder:b", line, line.replace("2", "3")}, {"Account", null, null}};
        for (String[] c : cases) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", c[0]);
            m.put("before", c[1]);
            m.put("after", c[2]);
            String written = ChangeEntry.write(c[0], c[1], c[2]);
            assertThat(written).isEqualTo(MAPPER.writeValueAsString(m));
            ChangeEntry read = ChangeEntry.read(written);
            assertThat(read.id()).isEqualTo(c[0]);
            assertThat(read.before() == null ? null : FactCodec.write(read.before())).isEqualTo(c[1]);
            assertThat(read.after() == null ? null : FactCodec.write(read.after())).isEqualTo(c[2]);
        }
    }
}
