package io.wellbase.dataexchange.internal.reports;

import io.wellbase.platform.pdf.PdfText;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.data.category.DefaultCategoryDataset;

/** Draws a report chart with JFreeChart into an image for the PDF, in the PDF's DejaVu Sans. */
final class ChartImages {

    static final Color[] PALETTE = {new Color(0x2F6F62), new Color(0xE07A5F), new Color(0x3D5A80), new Color(0xF2CC8F)};
    private static final int MAX_LABELLED_CATEGORIES = 40;
    private static final Font DEJAVU = dejaVu();

    private ChartImages() {}

    static BufferedImage render(ReportData.Chart chart, int width, int height) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        int every = Math.max(1, chart.categories().size() / MAX_LABELLED_CATEGORIES);
        List<String> categories = chart.codes()
                ? chart.categories().stream().map(ReportData::label).toList()
                : chart.categories();
        for (Map.Entry<String, List<Number>> series : chart.series().entrySet()) {
            for (int i = 0; i < categories.size(); i++) {
                data.addValue(series.getValue().get(i), series.getKey(), categories.get(i));
            }
        }
        boolean legend = chart.series().size() > 1;
        JFreeChart jfree = chart.kind() == ReportData.Kind.LINE
                ? ChartFactory.createLineChart(
                        null, null, chart.valueAxis(), data, PlotOrientation.VERTICAL, legend, false, false)
                : ChartFactory.createBarChart(
                        null, null, chart.valueAxis(), data, PlotOrientation.VERTICAL, legend, false, false);
        jfree.setBackgroundPaint(Color.WHITE);
        jfree.setAntiAlias(true);
        CategoryPlot plot = jfree.getCategoryPlot();
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(new Color(0xDDDDDD));
        plot.setOutlineVisible(false);
        Font small = DEJAVU.deriveFont(11f);
        plot.getDomainAxis().setTickLabelFont(small);
        plot.getRangeAxis().setTickLabelFont(small);
        plot.getRangeAxis().setLabelFont(DEJAVU.deriveFont(12f));
        if (plot.getRangeAxis() instanceof NumberAxis numbers) {
            numbers.setAutoRangeMinimumSize(1); // an all-zero series gets an axis of 0 to 1, not of ±5E-9
        }
        if (jfree.getLegend() != null) {
            jfree.getLegend().setItemFont(small);
        }
        if (chart.categories().size() > 8) {
            plot.getDomainAxis().setCategoryLabelPositions(CategoryLabelPositions.UP_90);
        }
        if (every > 1) {
            for (int i = 0; i < chart.categories().size(); i++) {
                if (i % every != 0) {
                    plot.getDomainAxis().setTickLabelPaint(categories.get(i), new Color(0, 0, 0, 0));
                }
            }
        }
        for (int s = 0; s < chart.series().size(); s++) {
            plot.getRenderer().setSeriesPaint(s, PALETTE[s % PALETTE.length]);
            plot.getRenderer().setSeriesStroke(s, new BasicStroke(2f));
        }
        if (plot.getRenderer() instanceof BarRenderer bars) {
            bars.setBarPainter(new StandardBarPainter());
            bars.setShadowVisible(false);
            bars.setMaximumBarWidth(0.08);
        }
        return jfree.createBufferedImage(width, height);
    }

    private static Font dejaVu() {
        try {
            return Font.createFont(Font.TRUETYPE_FONT, new ByteArrayInputStream(PdfText.bytes(PdfText.REGULAR)));
        } catch (FontFormatException | IOException e) {
            throw new IllegalStateException("DejaVu Sans in the jar is unreadable", e);
        }
    }
}
