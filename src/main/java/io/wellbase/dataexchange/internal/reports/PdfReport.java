package io.wellbase.dataexchange.internal.reports;

import io.wellbase.platform.pdf.PdfText;
import java.awt.Color;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

/**
 * A report as a paginated A4 PDF: a title band (report, organization, period), KPI tiles, the
 * charts, then the tables (headers repeated on every page) and page numbers in the footer. A table
 * too wide for the page continues on landscape pages, and its columns are sized to their text.
 */
final class PdfReport {

    private static final float MARGIN = 40;
    private static final float ROW = 15;
    private static final PDRectangle LANDSCAPE = new PDRectangle(PDRectangle.A4.getHeight(), PDRectangle.A4.getWidth());
    private static final Color ACCENT = new Color(0x2F6F62);
    private static final Color MUTED = new Color(0x6B7280);
    private static final Color TINT = new Color(0xF1F5F4);

    private final PDDocument document = new PDDocument();
    private final ReportData report;
    private final PdfText text;
    private PDPageContentStream content;
    private PDRectangle size = PDRectangle.A4;
    private float y;

    private PdfReport(ReportData report) throws IOException {
        this.report = report;
        this.text = PdfText.load(document);
    }

    static void write(ReportData report, OutputStream out) throws IOException {
        PdfReport pdf = new PdfReport(report);
        try (PDDocument document = pdf.document) {
            pdf.render();
            document.save(out);
        }
    }

    private void render() throws IOException {
        newPage();
        header();
        kpis();
        for (ReportData.Chart chart : report.charts()) {
            chart(chart);
        }
        for (ReportData.Table table : report.tables()) {
            table(table);
        }
        content.close();
        footers();
    }

    private void newPage() throws IOException {
        if (content != null) {
            content.close();
        }
        PDPage page = new PDPage(size);
        document.addPage(page);
        content = new PDPageContentStream(document, page);
        y = size.getHeight() - MARGIN;
    }

    private float width() {
        return size.getWidth() - 2 * MARGIN;
    }

    private void ensure(float height) throws IOException {
        if (y - height < MARGIN + 20) {
            newPage();
        }
    }

    private void header() throws IOException {
        float top = y;
        content.setNonStrokingColor(ACCENT);
        content.addRect(MARGIN, top - 70, width(), 70);
        content.fill();
        text.write(
                content,
                text.bold(),
                20,
                Color.WHITE,
                MARGIN + 14,
                top - 28,
                report.type().title());
        ReportScope scope = report.scope();
        text.write(content, text.regular(), 11, Color.WHITE, MARGIN + 14, top - 46, scope.organization());
        text.write(
                content,
                text.regular(),
                9,
                Color.WHITE,
                MARGIN + 14,
                top - 60,
                scope.from() + " to " + scope.to()
                        + "  ·  " + (scope.locationName() == null ? "All locations" : scope.locationName())
                        + "  ·  generated "
                        + ZonedDateTime.now(scope.zone()).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")));
        y = top - 90;
    }

    private void kpis() throws IOException {
        int perRow = 3;
        float gap = 10;
        float w = (width() - gap * (perRow - 1)) / perRow;
        float h = 50;
        List<ReportData.Kpi> kpis = report.kpis();
        for (int i = 0; i < kpis.size(); i++) {
            if (i % perRow == 0) {
                ensure(h + gap);
                if (i > 0) {
                    y -= h + gap;
                }
            }
            float x = MARGIN + (i % perRow) * (w + gap);
            content.setNonStrokingColor(TINT);
            content.addRect(x, y - h, w, h);
            content.fill();
            content.setNonStrokingColor(ACCENT);
            content.addRect(x, y - h, 3, h);
            content.fill();
            ReportData.Kpi kpi = kpis.get(i);
            text.write(content, text.regular(), 8.5f, MUTED, x + 10, y - 16, kpi.label());
            text.write(content, text.bold(), 16, Color.BLACK, x + 10, y - 38, format(kpi.value(), kpi.unit()));
        }
        y -= h + 24;
    }

    private void chart(ReportData.Chart chart) throws IOException {
        float h = 210;
        ensure(h + 24);
        text.write(content, text.bold(), 12, Color.BLACK, MARGIN, y - 12, chart.title());
        PDImageXObject image = LosslessFactory.createFromImage(document, ChartImages.render(chart, 1030, 420));
        content.drawImage(image, MARGIN, y - 18 - h, width(), h);
        y -= h + 34;
    }

    private void table(ReportData.Table table) throws IOException {
        List<ReportData.Column> columns = table.columns();
        List<String> header = columns.stream().map(ReportData.Column::label).toList();
        List<List<String>> cells = new ArrayList<>(table.rows().size());
        for (List<Object> row : table.rows()) {
            List<String> line = new ArrayList<>(columns.size());
            for (int c = 0; c < columns.size(); c++) {
                line.add(format(row.get(c), columns.get(c).unit()));
            }
            cells.add(line);
        }
        TableLayout layout = new TableLayout(text, header, cells);
        if (layout.naturalWidth() > width() && size != LANDSCAPE) {
            size = LANDSCAPE;
            newPage();
        }
        TableLayout.Fit fit = layout.fit(width());
        ensure(ROW * 3 + 16);
        text.write(content, text.bold(), 12, Color.BLACK, MARGIN, y - 12, table.title());
        y -= 20;
        row(columns, header, fit, true);
        boolean shade = false;
        for (List<String> line : cells) {
            float h = height(line, fit, false);
            if (y - h < MARGIN + 20) {
                newPage();
                text.write(content, text.bold(), 10, MUTED, MARGIN, y - 10, table.title() + " (continued)");
                y -= 16;
                row(columns, header, fit, true);
            }
            if (shade) {
                content.setNonStrokingColor(TINT);
                content.addRect(MARGIN, y - h, width(), h);
                content.fill();
            }
            shade = !shade;
            row(columns, line, fit, false);
        }
        y -= 18;
    }

    private float height(List<String> values, TableLayout.Fit fit, boolean head) throws IOException {
        int lines = 1;
        for (int c = 0; c < values.size(); c++) {
            lines = Math.max(
                    lines,
                    fit.lines(text, head ? text.bold() : text.regular(), values.get(c), c)
                            .size());
        }
        return lines * fit.lineHeight() + (head ? 7 : 5);
    }

    private void row(List<ReportData.Column> columns, List<String> values, TableLayout.Fit fit, boolean head)
            throws IOException {
        float h = height(values, fit, head);
        if (head) {
            content.setNonStrokingColor(ACCENT);
            content.addRect(MARGIN, y - h, width(), h);
            content.fill();
        }
        PDFont font = head ? text.bold() : text.regular();
        float x = MARGIN;
        for (int c = 0; c < values.size(); c++) {
            float w = fit.widths()[c];
            List<String> lines = fit.lines(text, font, values.get(c), c);
            for (int i = 0; i < lines.size(); i++) {
                float tx = columns.get(c).numeric()
                        ? x + w - TableLayout.PAD - text.width(font, fit.size(), lines.get(i))
                        : x + TableLayout.PAD;
                text.write(
                        content,
                        font,
                        fit.size(),
                        head ? Color.WHITE : Color.BLACK,
                        tx,
                        y - 3 - fit.size() * 0.95f - i * fit.lineHeight(),
                        lines.get(i));
            }
            x += w;
        }
        y -= h;
    }

    private void footers() throws IOException {
        int pages = document.getNumberOfPages();
        for (int i = 0; i < pages; i++) {
            try (PDPageContentStream footer = new PDPageContentStream(
                    document, document.getPage(i), PDPageContentStream.AppendMode.APPEND, true, true)) {
                String left =
                        report.scope().organization() + " · " + report.type().title();
                String right = "Page " + (i + 1) + " of " + pages;
                text.write(footer, text.regular(), 8, MUTED, MARGIN, MARGIN - 14, left);
                float edge = document.getPage(i).getMediaBox().getWidth() - MARGIN;
                text.write(
                        footer,
                        text.regular(),
                        8,
                        MUTED,
                        edge - text.width(text.regular(), 8, right),
                        MARGIN - 14,
                        right);
            }
        }
    }

    private String format(Object value, ReportData.Unit unit) {
        if (value == null) {
            return unit == null ? "" : "\u2013"; // no figure, such as the rate of nothing
        }
        if (unit == ReportData.Unit.CODE) {
            return ReportData.label(value.toString());
        }
        if (unit == null || !(value instanceof Number number)) {
            return value.toString();
        }
        return switch (unit) {
            case COUNT -> String.format("%,d", number.longValue());
            case MONEY ->
                report.scope().currency() + " "
                        + String.format("%,." + report.scope().fractionDigits() + "f", (BigDecimal)
                                (value instanceof BigDecimal d ? d : BigDecimal.valueOf(number.doubleValue())));
            case PERCENT -> String.format("%.1f%%", number.doubleValue());
            case HOURS -> String.format("%,.1f h", number.doubleValue());
            case CODE -> value.toString();
        };
    }
}
