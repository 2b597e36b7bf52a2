package io.wellbase.dataexchange.internal.reports;

import io.wellbase.platform.pdf.PdfText;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.font.PDFont;

/**
 * Column widths for a PDF table measured from its text, so that no value is cut off: every column
 * as wide as its longest value when the page allows, else the widest columns narrowed until the
 * page is filled and their text wrapped at spaces; below the width of their longest words the type
 * shrinks (down to {@link #MIN_SIZE}), and only then does a word break.
 */
final class TableLayout {

    static final float SIZE = 8;
    static final float MIN_SIZE = 6;
    static final float PAD = 4;

    private final PdfText text;
    private final float[] full; // the widest value per column, in text space units at size 1
    private final float[] word; // the widest word per column, likewise

    TableLayout(PdfText text, List<String> header, List<List<String>> rows) throws IOException {
        this.text = text;
        full = new float[header.size()];
        word = new float[header.size()];
        for (int c = 0; c < header.size(); c++) {
            measure(text.bold(), header.get(c), c);
        }
        for (List<String> row : rows) {
            for (int c = 0; c < row.size(); c++) {
                measure(text.regular(), row.get(c), c);
            }
        }
    }

    private void measure(PDFont font, String value, int c) throws IOException {
        full[c] = Math.max(full[c], text.width(font, 1, value));
        for (String w : value.split(" ")) {
            word[c] = Math.max(word[c], text.width(font, 1, w));
        }
    }

    /** The width the table needs at the normal size without wrapping anything. */
    float naturalWidth() {
        float sum = 0;
        for (float f : full) {
            sum += f * SIZE + 2 * PAD;
        }
        return sum;
    }

    /** Column widths that fill {@code width}, with the type size to use. */
    Fit fit(float width) {
        int n = full.length;
        float words = 0;
        for (float w : word) {
            words += w;
        }
        float size = words * SIZE + 2 * PAD * n <= width ? SIZE : Math.max(MIN_SIZE, (width - 2 * PAD * n) / words);
        float[] natural = new float[n];
        float[] least = new float[n];
        float sumNatural = 0;
        float sumLeast = 0;
        for (int c = 0; c < n; c++) {
            natural[c] = full[c] * size + 2 * PAD;
            least[c] = word[c] * size + 2 * PAD;
            sumNatural += natural[c];
            sumLeast += least[c];
        }
        float[] widths = new float[n];
        if (sumNatural <= width) {
            for (int c = 0; c < n; c++) {
                widths[c] = natural[c] + (width - sumNatural) * natural[c] / sumNatural;
            }
        } else if (sumLeast <= width) {
            float low = 0;
            float high = width;
            for (int i = 0; i < 40; i++) { // the widest cap on any column's width that still fits
                float cap = (low + high) / 2;
                if (capped(natural, least, cap) <= width) {
                    low = cap;
                } else {
                    high = cap;
                }
            }
            for (int c = 0; c < n; c++) {
                widths[c] = Math.max(least[c], Math.min(natural[c], low));
            }
        } else {
            for (int c = 0; c < n; c++) {
                widths[c] = least[c] * width / sumLeast;
            }
        }
        return new Fit(size, widths);
    }

    private static float capped(float[] natural, float[] least, float cap) {
        float sum = 0;
        for (int c = 0; c < natural.length; c++) {
            sum += Math.max(least[c], Math.min(natural[c], cap));
        }
        return sum;
    }

    /** The type size and the width of each column, padding included. */
    record Fit(float size, float[] widths) {

        float lineHeight() {
            return size * 1.25f;
        }

        /** The value in lines that fit the column: wrapped at spaces, a word broken only when it alone is too wide. */
        List<String> lines(PdfText text, PDFont font, String value, int column) throws IOException {
            float room = widths[column] - 2 * PAD + 0.01f;
            List<String> lines = new ArrayList<>();
            StringBuilder line = new StringBuilder();
            for (String w : PdfText.safe(font, value).split(" ")) {
                String candidate = line.isEmpty() ? w : line + " " + w;
                if (text.width(font, size, candidate) <= room) {
                    line.setLength(0);
                    line.append(candidate);
                    continue;
                }
                if (!line.isEmpty()) {
                    lines.add(line.toString());
                    line.setLength(0);
                }
                String rest = w;
                while (rest.length() > 1 && text.width(font, size, rest) > room) {
                    int cut = rest.length() - 1;
                    while (cut > 1 && text.width(font, size, rest.substring(0, cut)) > room) {
                        cut--;
                    }
                    lines.add(rest.substring(0, cut));
                    rest = rest.substring(cut);
                }
                line.append(rest);
            }
            lines.add(line.toString());
            return lines;
        }
    }
}
