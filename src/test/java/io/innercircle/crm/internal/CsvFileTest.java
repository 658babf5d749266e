package io.innercircle.crm.internal;

import io.innercircle.api.InvalidInputException;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Reading CRM exports: byte order marks, separators, quotes and the physical line of every row. */
class CsvFileTest {

    static byte[] fixture(String name) {
        try (InputStream in = CsvFileTest.class.getResourceAsStream("/crm/" + name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void salesforceExportWithBomQuotedCommasAndALineBreakInsideAValue() {
        CsvFile file = CsvFile.read("csv", fixture("salesforce-contacts.csv"), null, 100);
        assertThat(file.delimiter()).isEqualTo(',');
        assertThat(file.header().get(0)).isEqualTo("Id"); // not "\uFEFFId"
        assertThat(file.column("account name")).isEqualTo(8);
        assertThat(file.rows()).hasSize(10);
        CsvFile.Row cto = file.rows().get(1);
        assertThat(cto.line()).isEqualTo(3);
        assertThat(cto.values().get(3)).isEqualTo("CTO, Research & Development");
        CsvFile.Row ops = file.rows().get(3);
        assertThat(ops.line()).isEqualTo(5);
        assertThat(ops.values().get(3)).isEqualTo("Head of Operations\r\n(acting)");
        // The title of the row before spans lines 5 and 6, so the next row starts on line 7.
        assertThat(file.rows().get(4).line()).isEqualTo(7);
        assertThat(file.rows().get(5).values().get(3)).isEqualTo("Engineer, \"Platform\"");
    }

    @Test
    void semicolonsAreTakenFromTheHeaderLineAndBlankLinesAreSkipped() {
        byte[] csv = "Key;Name;Title\n\nk1;\"Doe, Jane\";Boss\n\nk2;Roe;\"A; B\"\n".getBytes(StandardCharsets.UTF_8);
        CsvFile file = CsvFile.read("csv", csv, null, 100);
        assertThat(file.delimiter()).isEqualTo(';');
        assertThat(file.rows()).extracting(CsvFile.Row::line).containsExactly(3, 5);
        assertThat(file.rows().get(0).values()).containsExactly("k1", "Doe, Jane", "Boss");
        assertThat(file.rows().get(1).values()).containsExactly("k2", "Roe", "A; B");
    }

    @Test
    void theCallerCanSayTheSeparator() {
        byte[] csv = "a|b\n1|2\n".getBytes(StandardCharsets.UTF_8);
        assertThat(CsvFile.read("csv", csv, '|', 100).rows().get(0).values()).containsExactly("1", "2");
    }

    @Test
    void unreadableFilesAreRefusedWithAReason() {
        assertThatThrownBy(() -> CsvFile.read("csv", new byte[]{'a', ',', (byte) 0xE9, '\n'}, null, 100))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("not UTF-8");
        assertThatThrownBy(() -> CsvFile.read("csv", "a,b\n1,\"open\n2,3\n".getBytes(StandardCharsets.UTF_8),
                null, 100)).isInstanceOf(InvalidInputException.class).hasMessageContaining("never closed");
        assertThatThrownBy(() -> CsvFile.read("csv", new byte[0], null, 100))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("empty");
        assertThatThrownBy(() -> CsvFile.read("csv", "a\n1\n2\n3\n".getBytes(StandardCharsets.UTF_8), null, 2))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("more than 2 rows").hasMessageContaining("innercircle.crm.max-rows");
    }

    @Test
    void crmIdsBecomeStableKeys() {
        assertThat(CrmKeys.keyFor("0035g00000CTO01")).isEqualTo("0035g00000CTO01");
        assertThat(CrmKeys.keyFor("E 102")).matches("E-102-[0-9a-f]{8}").isEqualTo(CrmKeys.keyFor("E 102"));
        assertThat(CrmKeys.keyFor("E 102")).isNotEqualTo(CrmKeys.keyFor("E/102"));
        assertThat(CrmKeys.keyFor("x".repeat(100))).hasSizeLessThanOrEqualTo(64);
    }
}
