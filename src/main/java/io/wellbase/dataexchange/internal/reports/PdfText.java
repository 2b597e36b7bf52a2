package io.wellbase.dataexchange.internal.reports;

import java.awt.Color;
import java.io.IOException;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDFont;

/** Text in a PDF that never fails on a character the font cannot show (it becomes "?"). */
record PdfText(PDFont regular, PDFont bold) {

    void write(PDPageContentStream content, PDFont font, float size, Color color, float x, float y, String value)
            throws IOException {
        content.beginText();
        content.setFont(font, size);
        content.setNonStrokingColor(color);
        content.newLineAtOffset(x, y);
        content.showText(safe(font, value));
        content.endText();
    }

    float width(PDFont font, float size, String value) throws IOException {
        return font.getStringWidth(safe(font, value)) / 1000 * size;
    }

    /** The value, shortened with an ellipsis until it fits the width. */
    String fit(PDFont font, float size, String value, float maxWidth) throws IOException {
        String v = safe(font, value);
        if (width(font, size, v) <= maxWidth) {
            return v;
        }
        while (v.length() > 1 && width(font, size, v + "…") > maxWidth) {
            v = v.substring(0, v.length() - 1);
        }
        return v + "…";
    }

    static String safe(PDFont font, String value) {
        if (value == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(value.length());
        value.replace('\n', ' ').replace('\r', ' ').replace('\t', ' ').codePoints().forEach(cp -> {
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
