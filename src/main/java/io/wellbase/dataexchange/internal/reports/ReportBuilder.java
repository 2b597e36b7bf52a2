package io.wellbase.dataexchange.internal.reports;

/** Computes one type of report for a scope. */
interface ReportBuilder {

    ReportType type();

    ReportData build(ReportScope scope);
}
