package io.wellbase.dataexchange.internal.reports;

import java.awt.Color;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

/**
 * A report as a paginated A4 PDF: a title band (report, organization, period), KPI tiles, the
 * charts, then the tables (headers repeated on every page) and page numbers in the footer.
 * Text uses DejaVu Sans when the system has it (all of Unicode), else Helvetica.
 */
final class PdfReport {

    private static final float MARGIN = 40;
    private static final float WIDTH = PDRectangle.A4.getWidth() - 2 * MARGIN;
    private static final float ROW = 15;
    private static final Color ACCENT = new Color(0x2F6F62);
    private static final Color MUTED = new Color(0x6B7280);
    private static final Color TINT = new Color(0xF1F5F4);
    private static final String[] FONT_DIRS = {"/usr/share/fonts/truetype/dejavu/", "/usr/share/fonts/dejavu/",
        "/usr/share/fonts/TTF/"};

    private final PDDocument document = new PDDocument();
    private final ReportData report;
    private final PdfText text;
    private PDPageContentStream content;
    private float y;

    private PdfReport(ReportData report) throws IOException {
        this.report = report;
        this.text = new PdfText(font("DejaVuSans.ttf", Standard14Fonts.FontName.HELVETICA),
                font("DejaVuSans-Bold.ttf", Standard14Fonts.FontName.HELVETICA_BOLD));
    }

    static void write(ReportData report, OutputStream out) throws IOException {
        PdfReport pdf = new PdfReport(report);
        try (PDDocument document = pdf.document) {
            pdf.render();
            document.save(out);
        }
    }

    private PDFont font(String file, Standard14Fonts.FontName fallback) throws IOException {
        for (String dir : FONT_DIRS) {
            File f = new File(dir, file);
            if (f.canRead()) {
                return PDType0Font.load(document, f);
            }
        }
        return new PDType1Font(fallback);
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
        PDPage page = new PDPage(PDRectangle.A4);
        document.addPage(page);
        content = new PDPageContentStream(document, page);
        y = PDRectangle.A4.getHeight() - MARGIN;
    }

    private void ensure(float height) throws IOException {
        if (y - height < MARGIN + 20) {
            newPage();
        }
    }

    private void header() throws IOException {
        float top = y;
        content.setNonStrokingColor(ACCENT);
        content.addRect(MARGIN, top - 70, WIDTH, 70);
        content.fill();
        text.write(content, text.bold(), 20, Color.WHITE, MARGIN + 14, top - 28, report.type().title());
        ReportScope scope = report.scope();
        text.write(content, text.regular(), 11, Color.WHITE, MARGIN + 14, top - 46, scope.organization());
        text.write(content, text.regular(), 9, Color.WHITE, MARGIN + 14, top - 60, scope.from() + " to " + scope.to()
                + "  ·  " + (scope.locationName() == null ? "All locations" : scope.locationName())
                + "  ·  generated " + ZonedDateTime.now(scope.zone()).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")));
        y = top - 90;
    }

    private void kpis() throws IOException {
        int perRow = 3;
        float gap = 10;
        float w = (WIDTH - gap * (perRow - 1)) / perRow;
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
        content.drawImage(image, MARGIN, y - 18 - h, WIDTH, h);
        y -= h + 34;
    }

    private void table(ReportData.Table table) throws IOException {
        List<ReportData.Column> columns = table.columns();
        float first = Math.min(WIDTH * 0.34f, WIDTH / columns.size() * 2);
        float rest = columns.size() == 1 ? 0 : (WIDTH - first) / (columns.size() - 1);
        ensure(ROW * 3 + 16);
        text.write(content, text.bold(), 12, Color.BLACK, MARGIN, y - 12, table.title());
        y -= 20;
        tableHeader(columns, first, rest);
        boolean shade = false;
        for (List<Object> row : table.rows()) {
            if (y - ROW < MARGIN + 20) {
                newPage();
                text.write(content, text.bold(), 10, MUTED, MARGIN, y - 10, table.title() + " (continued)");
                y -= 16;
                tableHeader(columns, first, rest);
            }
            if (shade) {
                content.setNonStrokingColor(TINT);
                content.addRect(MARGIN, y - ROW, WIDTH, ROW);
                content.fill();
            }
            shade = !shade;
            for (int c = 0; c < columns.size(); c++) {
                cell(format(row.get(c), columns.get(c).unit()), c, first, rest, columns.get(c).unit() != null, false);
            }
            y -= ROW;
        }
        y -= 18;
    }

    private void tableHeader(List<ReportData.Column> columns, float first, float rest) throws IOException {
        content.setNonStrokingColor(ACCENT);
        content.addRect(MARGIN, y - ROW - 2, WIDTH, ROW + 2);
        content.fill();
        for (int c = 0; c < columns.size(); c++) {
            cell(columns.get(c).label(), c, first, rest, columns.get(c).unit() != null, true);
        }
        y -= ROW + 2;
    }

    private void cell(String value, int c, float first, float rest, boolean right, boolean head) throws IOException {
        float x = c == 0 ? MARGIN : MARGIN + first + (c - 1) * rest;
        float w = c == 0 ? first : rest;
        PDFont font = head ? text.bold() : text.regular();
        float size = 8;
        String fitted = text.fit(font, size, value, w - 8);
        float tx = right ? x + w - 4 - text.width(font, size, fitted) : x + 4;
        text.write(content, font, size, head ? Color.WHITE : Color.BLACK, tx, y - ROW + 4.5f, fitted);
    }

    private void footers() throws IOException {
        int pages = document.getNumberOfPages();
        for (int i = 0; i < pages; i++) {
            try (PDPageContentStream footer = new PDPageContentStream(document, document.getPage(i),
                    PDPageContentStream.AppendMode.APPEND, true, true)) {
                String left = report.scope().organization() + " · " + report.type().title();
                String right = "Page " + (i + 1) + " of " + pages;
                text.write(footer, text.regular(), 8, MUTED, MARGIN, MARGIN - 14, left);
                text.write(footer, text.regular(), 8, MUTED,
                        MARGIN + WIDTH - text.width(text.regular(), 8, right), MARGIN - 14, right);
            }
        }
    }

    private String format(Object value, ReportData.Unit unit) {
        if (value == null) {
            return "";
        }
        if (unit == null || !(value instanceof Number number)) {
            return value.toString();
        }
        return switch (unit) {
            case COUNT -> String.format("%,d", number.longValue());
            case MONEY -> report.scope().currency() + " " + String.format("%,." + report.scope().fractionDigits() + "f",
                    (BigDecimal) (value instanceof BigDecimal d ? d : BigDecimal.valueOf(number.doubleValue())));
            case PERCENT -> String.format("%.1f%%", number.doubleValue());
            case HOURS -> String.format("%,.1f h", number.doubleValue());
        };
    }
}
