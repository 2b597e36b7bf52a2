package io.wellbase.dataexchange.internal.reports;

import io.wellbase.platform.csv.CsvOutput;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.ObjectMapper;

/** The CSV and JSON renderings of a report: the same figures as the PDF, for spreadsheets and programs. */
final class TabularReport {

    private TabularReport() {}

    static void csv(ReportData report, OutputStream out) throws IOException {
        try (CsvOutput csv = CsvOutput.to(out)) {
            csv.row("Report", report.type().title());
            csv.row("Organization", report.scope().organization());
            csv.row(
                    "Period",
                    report.scope().from().toString(),
                    report.scope().to().toString());
            csv.row(
                    "Location",
                    report.scope().locationName() == null
                            ? "All locations"
                            : report.scope().locationName());
            csv.row("Currency", report.scope().currency());
            csv.blankLine();
            csv.row("Figure", "Value");
            for (ReportData.Kpi kpi : report.kpis()) {
                csv.row(kpi.label(), plain(kpi.value()));
            }
            for (ReportData.Table table : report.tables()) {
                csv.blankLine();
                csv.row(table.title());
                csv.row(table.columns().stream().map(ReportData.Column::label).toList());
                for (List<Object> row : table.rows()) {
                    List<String> cells = new ArrayList<>(row.size());
                    row.forEach(v -> cells.add(plain(v)));
                    csv.row(cells);
                }
            }
        }
    }

    static void json(ReportData report, OutputStream out, ObjectMapper json) {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("report", report.type().value());
        document.put("title", report.type().title());
        document.put("organization", report.scope().organization());
        document.put(
                "period",
                Map.of(
                        "from",
                        report.scope().from().toString(),
                        "to",
                        report.scope().to().toString()));
        document.put("location", report.scope().locationName());
        document.put("currency", report.scope().currency());
        document.put("generatedAt", Instant.now().toString());
        Map<String, Object> kpis = new LinkedHashMap<>();
        report.kpis().forEach(k -> kpis.put(k.key(), k.value()));
        document.put("kpis", kpis);
        Map<String, Object> tables = new LinkedHashMap<>();
        for (ReportData.Table table : report.tables()) {
            List<Map<String, Object>> rows = new ArrayList<>();
            for (List<Object> row : table.rows()) {
                Map<String, Object> object = new LinkedHashMap<>();
                for (int i = 0; i < table.columns().size(); i++) {
                    object.put(table.columns().get(i).key(), row.get(i));
                }
                rows.add(object);
            }
            tables.put(table.key(), rows);
        }
        document.put("tables", tables);
        Map<String, Object> charts = new LinkedHashMap<>();
        report.charts()
                .forEach(c -> charts.put(
                        c.key(),
                        Map.of(
                                "title",
                                c.title(),
                                "kind",
                                c.kind().name().toLowerCase(),
                                "categories",
                                c.categories(),
                                "series",
                                c.series())));
        document.put("charts", charts);
        json.writeValue(out, document);
    }

    static String plain(Object value) {
        if (value == null) {
            return "";
        }
        return value instanceof BigDecimal d ? d.toPlainString() : value.toString();
    }
}
