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
    record Kpi(String key, String label, Object value, Unit unit) {
    }

    enum Unit {
        COUNT, MONEY, PERCENT, HOURS
    }

    /** A table; each row has one value per column, numbers as numbers. */
    record Table(String key, String title, List<Column> columns, List<List<Object>> rows) {
    }

    record Column(String key, String label, Unit unit) {

        static Column text(String key, String label) {
            return new Column(key, label, null);
        }

        static Column of(String key, String label, Unit unit) {
            return new Column(key, label, unit);
        }
    }

    /** A line or bar chart: one label per category, one series of values per name. */
    record Chart(String key, String title, Kind kind, String valueAxis, List<String> categories,
            Map<String, List<Number>> series) {
    }

    enum Kind {
        LINE, BAR
    }

    /** A share as a percentage with one decimal; 0 when there is nothing to share. */
    static BigDecimal percent(long part, long whole) {
        if (whole == 0) {
            return BigDecimal.ZERO.setScale(1);
        }
        return BigDecimal.valueOf(part * 100).divide(BigDecimal.valueOf(whole), 1, RoundingMode.HALF_UP);
    }

    /** Minor units as a decimal amount in major units. */
    static BigDecimal money(long minor, int fractionDigits) {
        return BigDecimal.valueOf(minor, fractionDigits);
    }
}
