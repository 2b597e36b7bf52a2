package io.wellbase.dataexchange.internal.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import io.wellbase.platform.web.ApiException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvSnifferTests {

    private static final String TSV = "Client ID\tFirst Name\tLast Name\r\nU-1\tÅsa\tLindström\r\nU-2\t李\t小龍 😀\r\n";

    @Test
    void utf16LittleEndianWithByteOrderMarkIsText() throws IOException {
        byte[] file = withBom(new byte[] {(byte) 0xFF, (byte) 0xFE}, TSV.getBytes(StandardCharsets.UTF_16LE));
        CsvLayout layout = CsvSniffer.sniff(new ByteArrayInputStream(file));
        assertThat(layout.charset()).isEqualTo(StandardCharsets.UTF_16LE);
        assertThat(layout.bom()).isTrue();
        assertThat(layout.separator()).isEqualTo('\t');
        assertThat(layout.headers()).containsExactly("Client ID", "First Name", "Last Name");
        assertThat(rows(layout, file))
                .containsExactly("Client ID|First Name|Last Name", "U-1|Åsa|Lindström", "U-2|李|小龍 😀");
    }

    @Test
    void utf16BigEndianWithByteOrderMarkIsText() throws IOException {
        byte[] file = withBom(new byte[] {(byte) 0xFE, (byte) 0xFF}, TSV.getBytes(StandardCharsets.UTF_16BE));
        CsvLayout layout = CsvSniffer.sniff(new ByteArrayInputStream(file));
        assertThat(layout.charset()).isEqualTo(StandardCharsets.UTF_16BE);
        assertThat(rows(layout, file)).last().isEqualTo("U-2|李|小龍 😀");
    }

    @Test
    void utf8WithByteOrderMarkStillSkipsThreeBytes() throws IOException {
        byte[] file = withBom(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, TSV.getBytes(StandardCharsets.UTF_8));
        CsvLayout layout = CsvSniffer.sniff(new ByteArrayInputStream(file));
        assertThat(layout.charset()).isEqualTo(StandardCharsets.UTF_8);
        assertThat(layout.headers()).first().isEqualTo("Client ID");
    }

    @Test
    void binaryBehindAUtf16ByteOrderMarkOrUtf16WithoutOneIsRefused() {
        byte[] binary =
                withBom(new byte[] {(byte) 0xFF, (byte) 0xFE}, new byte[] {'a', 0, ',', 0, 0, 0, 'b', 0, '\n', 0});
        assertThatThrownBy(() -> CsvSniffer.sniff(new ByteArrayInputStream(binary)))
                .isInstanceOf(ApiException.class)
                .hasMessageContaining("binary");
        byte[] noBom = TSV.getBytes(StandardCharsets.UTF_16LE);
        assertThatThrownBy(() -> CsvSniffer.sniff(new ByteArrayInputStream(noBom)))
                .isInstanceOf(ApiException.class)
                .hasMessageContaining("binary");
    }

    private static List<String> rows(CsvLayout layout, byte[] file) throws IOException {
        List<String> rows = new ArrayList<>();
        try (CsvReader<CsvRecord> reader = layout.strictRecords(new ByteArrayInputStream(file))) {
            for (CsvRecord record : reader) {
                rows.add(String.join("|", record.getFields()));
            }
        }
        return rows;
    }

    private static byte[] withBom(byte[] bom, byte[] body) {
        byte[] out = new byte[bom.length + body.length];
        System.arraycopy(bom, 0, out, 0, bom.length);
        System.arraycopy(body, 0, out, bom.length, body.length);
        return out;
    }
}
