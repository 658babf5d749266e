package io.innercircle.bundle.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** What a client is told about JSON that cannot be read at all (no Spring, no database needed). */
class BundleParseTest {

    private final BundleImporter importer = new BundleImporter(null, null, new ObjectMapper(), event -> { }, null);

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{\"a\": 1} 5                     | the body is not valid JSON (line 1, column 10): there is more text after the end of the bundle",
            "{\"a\": 1}}                      | the body is not valid JSON (line 1, column 9): a closing '}' has nothing to close",
            "{\"a\": 1                        | the body is not valid JSON (line 1, column 8): the text ends before the bundle is complete",
            "{\"a\": 1, \"a\": 2}             | the body is not valid JSON (line 1, column 13): the field 'a' is given twice",
            "{\"a\": tru}                     | the body is not valid JSON (line 1, column 7): 'tru' is not a JSON value (text needs double quotes)",
            "''                               | the body is empty; send the bundle as JSON"})
    void unreadableJsonIsRefusedWithWhereItWentWrong(String json, String message) {
        BundleRejectedException e = catchThrowableOfType(BundleRejectedException.class,
                () -> importer.parse(json.getBytes()));
        assertThat(e.problems()).singleElement().satisfies(p -> {
            assertThat(p.pointer()).isEmpty();
            assertThat(p.message()).startsWith(message);
        });
    }
}
