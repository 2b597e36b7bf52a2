package io.wellbase.platform.pdf;

import java.awt.Color;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * Text in a PDF in DejaVu Sans, shipped in the jar so that Latin, Greek and Cyrillic names print on
 * any host. Glyph substitution (GSUB) is off: a PDF's text must be searchable and copyable, and a
 * viewer reads the "ff" ligature as U+FB00, not as "ff"; the scripts DejaVu covers need no
 * substitution. A character DejaVu lacks becomes "?" rather than failing.
 */
public record PdfText(PDFont regular, PDFont bold) {

    public static final String REGULAR = "/fonts/dejavu/DejaVuSans.ttf";
    public static final String BOLD = "/fonts/dejavu/DejaVuSans-Bold.ttf";
    private static final byte[] REGULAR_BYTES = bytes(REGULAR);
    private static final byte[] BOLD_BYTES = bytes(BOLD);

    public static PdfText load(PDDocument document) throws IOException {
        return new PdfText(font(document, REGULAR_BYTES), font(document, BOLD_BYTES));
    }

    private static PDFont font(PDDocument document, byte[] file) throws IOException {
        TrueTypeFont ttf = new TTFParser().parse(new RandomAccessReadBuffer(file));
        document.registerTrueTypeFontForClosing(ttf);
        ttf.setEnableGsub(false); // disabling single features (liga) does not reach PDFBox's Latin worker
        return PDType0Font.load(document, ttf, true);
    }

    public static byte[] bytes(String resource) {
        try (InputStream in = PdfText.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Font " + resource + " is missing from the classpath");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void write(PDPageContentStream content, PDFont font, float size, Color color, float x, float y, String value)
            throws IOException {
        content.beginText();
        content.setFont(font, size);
        content.setNonStrokingColor(color);
        content.newLineAtOffset(x, y);
        content.showText(safe(font, value));
        content.endText();
    }

    public float width(PDFont font, float size, String value) throws IOException {
        return font.getStringWidth(safe(font, value)) / 1000 * size;
    }

    public static String safe(PDFont font, String value) {
        if (value == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(value.length());
        value.replace('\n', ' ')
                .replace('\r', ' ')
                .replace('\t', ' ')
                .codePoints()
                .forEach(cp -> {
                    String ch = new String(Character.toChars(cp));
                    try {
                        font.encode(ch);
                        out.append(ch);
                    } catch (IOException | IllegalArgumentException e) {
                        out.append('?');
                    }
                });
        return out.toString();
    }
}
