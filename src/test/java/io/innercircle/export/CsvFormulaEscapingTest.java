package io.innercircle.export;

import io.innercircle.support.SecondAppTest;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * CSV injection (OWASP): a text a rep typed that a spreadsheet would run as a formula is exported with a leading
 * apostrophe in people.csv and lines.csv, for each character that starts a formula.
 */
class CsvFormulaEscapingTest extends SecondAppTest {

    @ParameterizedTest
    @ValueSource(strings = {"=HYPERLINK(\"http://evil.test\",\"x\")", "+1+cmd|' /C calc'!A0", "-2+3+cmd|' /C calc'!A0",
            "@SUM(1+1)*cmd|' /C calc'!A0", "\t=1+1", "\r=1+1"})
    void formulaCellsAreExportedAsText(String typed) throws IOException {
        String json = typed.replace("\\", "\\\\").replace("\"", "\\\"").replace("\t", "\\t").replace("\r", "\\r");
        for (String mutation : List.of(
                "createAccount(input: {key: \"csv\", name: \"Csv Co\"}) { account { key } }",
                "createStakeholder(input: {account: \"csv\", key: \"a\", name: \"Ann\", title: \"" + json + "\"}) { stakeholder { id } }",
                "createStakeholder(input: {account: \"csv\", key: \"b\", name: \"Bob\"}) { stakeholder { id } }",
                "setInfluence(input: {from: \"csv/a\", to: \"csv/b\", strength: 2, note: \"" + json + "\"}) { influence { strength } }")) {
            graphQl.document("mutation { " + mutation + " }").execute().errors().verify();
        }

        CSVRecord ann = parse("/api/accounts/csv/export/people.csv").stream()
                .filter(r -> r.get("key").equals("a")).findFirst().orElseThrow();
        assertThat(ann.get("title")).isEqualTo("'" + typed);
        assertThat(ann.get("name")).isEqualTo("Ann");
        CSVRecord line = parse("/api/accounts/csv/export/lines.csv").stream()
                .filter(r -> r.get("type").equals("INFLUENCES")).findFirst().orElseThrow();
        assertThat(line.get("note")).isEqualTo("'" + typed);
        assertThat(line.get("strength")).isEqualTo("2");
    }

    private List<CSVRecord> parse(String path) throws IOException {
        String csv = new String(http.get().uri(path).exchange().expectStatus().isOk().expectBody().returnResult()
                .getResponseBody(), StandardCharsets.UTF_8);
        return CSVParser.parse(csv, CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()).getRecords();
    }
}
