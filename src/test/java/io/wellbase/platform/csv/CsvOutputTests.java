package io.wellbase.platform.csv;

import static org.assertj.core.api.Assertions.assertThat;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvOutputTests {

    private static String write(List<List<String>> rows) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (CsvOutput csv = CsvOutput.to(out)) {
            rows.forEach(csv::row);
        }
        byte[] bytes = out.toByteArray();
        assertThat(bytes).startsWith(0xEF, 0xBB, 0xBF);
        return new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
    }

    private static String line(String... cells) throws IOException {
        return write(List.of(Arrays.asList(cells)));
    }

    @Test
    void plainCellsAreCommaSeparatedWithCrlf() throws IOException {
        assertThat(write(List.of(List.of("Client ID", "First Name"), List.of("E-1", "Anna"))))
                .isEqualTo("Client ID,First Name\r\nE-1,Anna\r\n");
    }

    @Test
    void quotesCommasAndLineBreaksAreQuotedAndNothingElse() throws IOException {
        assertThat(line("Berg, Jr.", "1 \"Quiet\" Lane", "a\nb", "a\r\nb", "a\rb", " padded ", "#first"))
                .isEqualTo("\"Berg, Jr.\",\"1 \"\"Quiet\"\" Lane\",\"a\nb\",\"a\r\nb\",\"a\rb\", padded ,#first\r\n");
        assertThat(line("#first", "x")).isEqualTo("#first,x\r\n");
    }

    @Test
    void nullAndEmptyAreEmptyCells() throws IOException {
        assertThat(line(null, "", "x", null)).isEqualTo(",,x,\r\n");
        assertThat(write(List.of(Collections.singletonList(null)))).isEqualTo("\r\n");
    }

    @Test
    void formulasGetAnApostropheNumbersDoNot() throws IOException {
        assertThat(line("=1+1", "+49 30 1234", "-x", "@SUM(A1)", "\t=1", "\r=1", "=HYPERLINK(\"http://evil\",\"x\")"))
                .isEqualTo(
                        "'=1+1,'+49 30 1234,'-x,'@SUM(A1),'\t=1,\"'\r=1\",\"'=HYPERLINK(\"\"http://evil\"\",\"\"x\"\")\"\r\n");
        assertThat(line("=cmd|' /C calc'!A0\nsecond line")).isEqualTo("\"'=cmd|' /C calc'!A0\nsecond line\"\r\n");
        assertThat(line("-12", "-12.50", "12", "-", "-1.2.3", "+5", "a=b", "'=already"))
                .isEqualTo("-12,-12.50,12,'-,'-1.2.3,'+5,a=b,'=already\r\n");
        assertThat(CsvOutput.defuse(null)).isNull();
        assertThat(CsvOutput.defuse("")).isEmpty();
    }

    @Test
    void unicodeIsUtf8() throws IOException {
        assertThat(line("Zoë", "Ångström", "日本語", "😀")).isEqualTo("Zoë,Ångström,日本語,😀\r\n");
    }

    @Test
    void fastCsvReadsBackWhatWasWritten() throws IOException {
        List<List<String>> rows = List.of(List.of("a,b", "\"q\"", "line\nbreak", "Zoë"), List.of("", "x", " y ", "z"));
        String text = write(rows);
        List<List<String>> read = new ArrayList<>();
        try (CsvReader<CsvRecord> reader = CsvReader.builder().ofCsvRecord(text)) {
            reader.forEach(r -> read.add(r.getFields()));
        }
        assertThat(read).isEqualTo(rows);
    }

    @Test
    void closeFlushesAndLeavesTheStreamOpen() throws IOException {
        boolean[] closed = {false};
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        OutputStream out = new OutputStream() {
            @Override
            public void write(int b) {
                bytes.write(b);
            }

            @Override
            public void close() {
                closed[0] = true;
            }
        };
        try (CsvOutput csv = CsvOutput.to(out)) {
            csv.row("a").blankLine().row("b");
        }
        assertThat(closed[0]).isFalse();
        assertThat(bytes.toString(StandardCharsets.UTF_8)).isEqualTo("\ufeffa\r\n\r\nb\r\n");
    }

    @Test
    void aLargeFileStreams() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (CsvOutput csv = CsvOutput.to(out)) {
            for (int i = 0; i < 100_000; i++) {
                csv.row(String.valueOf(i), "=" + i, "name " + i);
            }
        }
        String text = out.toString(StandardCharsets.UTF_8);
        assertThat(text.lines()).hasSize(100_000);
        assertThat(text).endsWith("99999,'=99999,name 99999\r\n");
    }
}
