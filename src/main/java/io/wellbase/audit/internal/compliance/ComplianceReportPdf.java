package io.wellbase.audit.internal.compliance;

import io.wellbase.platform.pdf.PdfText;
import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;

/**
 * The compliance report on A4 pages: the organization and period, the totals, the unusual activity, then actions
 * by actor, by entity type and by day. The full actor × entity type × day table is in the JSON form.
 */
final class ComplianceReportPdf {

    private static final float MARGIN = 48;
    private static final float LINE = 13;
    private static final Color MUTED = new Color(0x6B7280);

    private final PDDocument document;
    private final PdfText text;
    private PDPageContentStream content;
    private float y;

    private ComplianceReportPdf(PDDocument document) throws IOException {
        this.document = document;
        this.text = PdfText.load(document);
    }

    static byte[] render(ComplianceReport report) {
        try (PDDocument document = new PDDocument()) {
            ComplianceReportPdf pdf = new ComplianceReportPdf(document);
            pdf.write(report);
            pdf.content.close();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void write(ComplianceReport r) throws IOException {
        newPage();
        line(text.bold(), 16, Color.BLACK, 0, "Audit compliance report");
        line(text.regular(), 11, Color.BLACK, 0, r.organization());
        line(
                text.regular(),
                9,
                MUTED,
                0,
                r.from() + " to " + r.to() + " (" + r.timezone() + "), generated "
                        + r.generatedAt().withNano(0));
        y -= LINE;
        var t = r.totals();
        line(text.bold(), 11, Color.BLACK, 0, "Totals");
        line(
                text.regular(),
                10,
                Color.BLACK,
                0,
                t.actions() + " actions by " + t.actors() + " people; "
                        + t.exports() + " exports and reports, " + t.failedSignIns() + " failed sign-ins, "
                        + t.roleChanges() + " role changes");
        section("Unusual activity");
        if (r.unusual().isEmpty()) {
            line(text.regular(), 10, MUTED, 0, "Nothing unusual in this period.");
        }
        for (var f : r.unusual()) {
            row(
                    List.of(f.day().toString(), f.kind().value(), who(f.actor(), f.actorId()), f.detail()),
                    new float[] {0, 70, 170, 300});
        }
        section("Actions by actor");
        for (var a : r.byActor()) {
            row(
                    List.of(who(a.name(), a.actorId()), a.email() == null ? "" : a.email(), Long.toString(a.actions())),
                    new float[] {0, 200, 420});
        }
        section("Actions by entity type");
        for (var e : r.byEntityType()) {
            row(List.of(e.entityType(), Long.toString(e.actions())), new float[] {0, 420});
        }
        section("Actions by day");
        for (var d : r.byDay()) {
            row(List.of(d.day().toString(), Long.toString(d.actions())), new float[] {0, 420});
        }
        y -= LINE;
        line(
                text.regular(),
                8,
                MUTED,
                0,
                r.perActorEntityAndDay().size()
                        + " rows of actions per actor, entity type and day are in the JSON form (format=json).");
    }

    private static String who(String name, java.util.UUID id) {
        if (name != null && !name.isBlank()) {
            return name;
        }
        return id == null ? "system" : id.toString();
    }

    private void section(String title) throws IOException {
        y -= LINE / 2;
        line(text.bold(), 11, Color.BLACK, 0, title);
    }

    private void row(List<String> cells, float[] columns) throws IOException {
        ensureRoom();
        for (int i = 0; i < cells.size(); i++) {
            float width =
                    (i + 1 < columns.length ? columns[i + 1] : PDRectangle.A4.getWidth() - 2 * MARGIN) - columns[i] - 6;
            text.write(
                    content,
                    text.regular(),
                    9,
                    Color.BLACK,
                    MARGIN + columns[i],
                    y,
                    fit(text.regular(), 9, cells.get(i), width));
        }
        y -= LINE;
    }

    private void line(PDFont font, float size, Color color, float x, String value) throws IOException {
        ensureRoom();
        text.write(
                content,
                font,
                size,
                color,
                MARGIN + x,
                y,
                fit(font, size, value, PDRectangle.A4.getWidth() - 2 * MARGIN));
        y -= size + 4;
    }

    private String fit(PDFont font, float size, String value, float width) throws IOException {
        String s = value == null ? "" : value;
        while (s.length() > 1 && text.width(font, size, s) > width) {
            s = s.substring(0, s.length() - 2) + "…";
        }
        return s;
    }

    private void ensureRoom() throws IOException {
        if (y < MARGIN + LINE) {
            content.close();
            newPage();
        }
    }

    private void newPage() throws IOException {
        PDPage page = new PDPage(PDRectangle.A4);
        document.addPage(page);
        content = new PDPageContentStream(document, page);
        y = PDRectangle.A4.getHeight() - MARGIN;
    }
}
