package io.wellbase.billing.internal.invoices;

import io.wellbase.billing.internal.BillingSettings;
import io.wellbase.platform.data.MinorUnits;
import io.wellbase.platform.pdf.PdfText;
import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.jspecify.annotations.Nullable;

/**
 * One invoice or credit note on an A4 page: the organization's name, address and tax id, the number and date,
 * the client, the lines, and the totals with the tax they include. Lines past the first page are summed into one.
 */
final class InvoicePdf {

    private static final float MARGIN = 56;
    private static final int MAX_LINES = 24;

    private InvoicePdf() {}

    /** Who issues and who receives it. */
    record Parties(String organization, BillingSettings.Settings settings, String client, ZoneId zone) {}

    static byte[] render(Invoice invoice, Parties parties) {
        try (PDDocument document = new PDDocument()) {
            PdfText text = PdfText.load(document);
            PDPage page = new PDPage(PDRectangle.A4);
            document.addPage(page);
            float top = PDRectangle.A4.getHeight() - MARGIN;
            float right = PDRectangle.A4.getWidth() - MARGIN;
            try (PDPageContentStream c = new PDPageContentStream(document, page)) {
                text.write(c, text.bold(), 16, Color.BLACK, MARGIN, top, parties.organization());
                float y = top - 18;
                if (parties.settings().address() != null) {
                    for (String line : parties.settings().address().split("\n")) {
                        text.write(c, text.regular(), 9, Color.DARK_GRAY, MARGIN, y, line);
                        y -= 12;
                    }
                }
                if (parties.settings().taxId() != null) {
                    text.write(
                            c,
                            text.regular(),
                            9,
                            Color.DARK_GRAY,
                            MARGIN,
                            y,
                            "Tax id " + parties.settings().taxId());
                    y -= 12;
                }
                String title = (invoice.kind().equals("credit_note") ? "Credit note " : "Invoice ")
                        + (invoice.number() == null ? "(draft)" : invoice.number());
                y -= 24;
                text.write(c, text.bold(), 13, Color.BLACK, MARGIN, y, title);
                y -= 16;
                String date = invoice.issuedAt() == null
                        ? "not issued"
                        : invoice.issuedAt().atZoneSameInstant(parties.zone()).format(DateTimeFormatter.ISO_LOCAL_DATE);
                text.write(
                        c,
                        text.regular(),
                        10,
                        Color.BLACK,
                        MARGIN,
                        y,
                        "Date " + date + " · Status " + invoice.status());
                y -= 14;
                text.write(c, text.regular(), 10, Color.BLACK, MARGIN, y, "To " + parties.client());
                y -= 28;
                text.write(c, text.bold(), 10, Color.BLACK, MARGIN, y, "Description");
                text.write(c, text.bold(), 10, Color.BLACK, right - 160, y, "Qty");
                rightAligned(text, c, true, right, y, "Amount");
                y -= 16;
                int shown = 0;
                long rest = 0;
                for (Invoice.Line line : invoice.lines()) {
                    if (shown++ >= MAX_LINES) {
                        rest += line.total();
                        continue;
                    }
                    text.write(c, text.regular(), 10, Color.BLACK, MARGIN, y, clip(line.description(), 70));
                    text.write(c, text.regular(), 10, Color.BLACK, right - 160, y, Integer.toString(line.quantity()));
                    rightAligned(text, c, false, right, y, MinorUnits.format(line.total(), invoice.currency()));
                    y -= 14;
                }
                if (rest != 0) {
                    text.write(c, text.regular(), 10, Color.BLACK, MARGIN, y, (shown - MAX_LINES) + " more lines");
                    rightAligned(text, c, false, right, y, MinorUnits.format(rest, invoice.currency()));
                    y -= 14;
                }
                y -= 14;
                rightAligned(
                        text, c, false, right, y, "Net " + MinorUnits.format(invoice.subtotal(), invoice.currency()));
                y -= 14;
                String rate = new BigDecimal(invoice.taxRateBp())
                        .movePointLeft(2)
                        .stripTrailingZeros()
                        .toPlainString();
                rightAligned(
                        text,
                        c,
                        false,
                        right,
                        y,
                        "Tax " + rate + " % " + MinorUnits.format(invoice.tax(), invoice.currency()));
                y -= 16;
                rightAligned(
                        text, c, true, right, y, "Total " + MinorUnits.format(invoice.total(), invoice.currency()));
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void rightAligned(PdfText text, PDPageContentStream c, boolean bold, float right, float y, String s)
            throws IOException {
        var font = bold ? text.bold() : text.regular();
        text.write(c, font, 10, Color.BLACK, right - text.width(font, 10, s), y, s);
    }

    private static String clip(@Nullable String s, int max) {
        if (s == null) {
            return "";
        }
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
