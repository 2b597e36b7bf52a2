package io.wellbase.dataexchange.internal.reports;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;

/**
 * A computed report, independent of its format: headline figures, tables and charts. The PDF,
 * CSV and JSON renderings all carry exactly these numbers.
 */
record ReportData(ReportType type, ReportScope scope, List<Kpi> kpis, List<Table> tables, List<Chart> charts) {

    /** A headline figure; {@code value} is a number (money in major units, rates in percent). */
    record Kpi(String key, String label, Object value, Unit unit) {}

    /** How a value is shown; {@code CODE} is a stable code (card_terminal) that the PDF shows as a label. */
    enum Unit {
        COUNT,
        MONEY,
        PERCENT,
        HOURS,
        CODE
    }

    /** A table; each row has one value per column, numbers as numbers. */
    record Table(String key, String title, List<Column> columns, List<List<Object>> rows) {}

    record Column(String key, String label, Unit unit) {

        static Column text(String key, String label) {
            return new Column(key, label, null);
        }

        static Column of(String key, String label, Unit unit) {
            return new Column(key, label, unit);
        }

        static Column code(String key, String label) {
            return new Column(key, label, Unit.CODE);
        }

        boolean numeric() {
            return unit != null && unit != Unit.CODE;
        }
    }

    /** A line or bar chart: one label per category, one series of values per name; categories may be codes. */
    record Chart(
            String key,
            String title,
            Kind kind,
            String valueAxis,
            List<String> categories,
            Map<String, List<Number>> series,
            boolean codes) {

        Chart(
                String key,
                String title,
                Kind kind,
                String valueAxis,
                List<String> categories,
                Map<String, List<Number>> series) {
            this(key, title, kind, valueAxis, categories, series, false);
        }
    }

    enum Kind {
        LINE,
        BAR
    }

    /** A share as a percentage with one decimal; 0 when there is nothing to share. */
    static BigDecimal percent(long part, long whole) {
        if (whole == 0) {
            return BigDecimal.ZERO.setScale(1);
        }
        return BigDecimal.valueOf(part * 100).divide(BigDecimal.valueOf(whole), 1, RoundingMode.HALF_UP);
    }

    /** A rate as a percentage with one decimal, or null when there is nothing to measure it on. */
    static BigDecimal rate(long part, long whole) {
        return whole == 0 ? null : percent(part, whole);
    }

    /** A code for people: card_terminal becomes "Card terminal". */
    static String label(String code) {
        if (code == null || code.isEmpty()) {
            return "";
        }
        String words = code.replace('_', ' ');
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    /** Minor units as a decimal amount in major units. */
    static BigDecimal money(long minor, int fractionDigits) {
        return BigDecimal.valueOf(minor, fractionDigits);
    }
}
