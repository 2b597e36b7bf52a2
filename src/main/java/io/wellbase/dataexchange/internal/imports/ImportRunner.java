package io.wellbase.dataexchange.internal.imports;

import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import io.wellbase.audit.AuditChange;
import io.wellbase.audit.AuditRecord;
import io.wellbase.audit.AuditTrail;
import io.wellbase.dataexchange.internal.JobStatus;
import io.wellbase.files.StoredFiles;
import io.wellbase.organizations.OrganizationProfiles;
import io.wellbase.platform.data.Ids;
import java.io.IOException;
import java.io.InputStream;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.ZoneId;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.stereotype.Component;

/**
 * Runs one import: reads the file once to count rows and settle the date order, streams it a
 * second time through COPY into a temporary staging table, merges with set-based SQL and commits
 * (or rolls back, for a dry run, a cancel or a failure) in one transaction. A crash at any point
 * leaves nothing half-imported; the job then runs again from the start.
 */
@Component
class ImportRunner {

    private static final Logger log = LoggerFactory.getLogger(ImportRunner.class);
    static final int PROGRESS_EVERY = 10_000;

    private final ImportJobStore jobs;
    private final ImportErrors errors;
    private final StoredFiles files;
    private final ImportConnections connections;
    private final OrganizationProfiles organizations;
    private final AuditTrail audit;
    private final Map<ImportKind, KindImport> kinds;
    private final ImportsProperties properties;
    private final ImportMeters meters;

    ImportRunner(
            ImportJobStore jobs,
            ImportErrors errors,
            StoredFiles files,
            ImportConnections connections,
            OrganizationProfiles organizations,
            AuditTrail audit,
            List<KindImport> kinds,
            ImportsProperties properties,
            ImportMeters meters) {
        this.jobs = jobs;
        this.errors = errors;
        this.files = files;
        this.connections = connections;
        this.organizations = organizations;
        this.audit = audit;
        this.kinds = kinds.stream().collect(Collectors.toMap(KindImport::kind, Function.identity()));
        this.properties = properties;
        this.meters = meters;
    }

    /** Thrown between batches when the caller asked to stop. */
    static final class Cancelled extends RuntimeException {
        Cancelled() {
            super("cancelled", null, false, false);
        }
    }

    void run(UUID importId) {
        ImportJobStore.Request request = jobs.request(importId).orElse(null);
        if (request == null || request.status().finished()) {
            return;
        }
        jobs.start(importId);
        try (ImportErrors.Writer problems = errors.writer(importId, request.orgId())) {
            ImportCounts counts = importFile(request, problems);
            problems.flush();
            ImportCounts finished = counts.withWarnings(problems.warnings());
            jobs.finish(importId, JobStatus.COMPLETED, finished, null);
            meters.finished(request.kind(), request.dryRun() ? "dry_run" : "completed");
            if (!request.dryRun()) {
                meters.committed(request.kind(), finished);
            }
            if (!request.dryRun()) {
                audit.record(new AuditRecord(
                        request.orgId(),
                        request.userId(),
                        "import.completed",
                        "import",
                        importId.toString(),
                        Map.of(
                                "kind",
                                new AuditChange(null, request.kind().value()),
                                "created",
                                new AuditChange(null, counts.created()),
                                "updated",
                                new AuditChange(null, counts.updated()))));
            }
        } catch (Cancelled e) {
            jobs.finish(
                    importId,
                    JobStatus.CANCELLED,
                    new ImportCounts(0, 0, 0, 0, 0),
                    "Cancelled on request; nothing was imported");
            meters.finished(request.kind(), "cancelled");
        } catch (MergeSql.StepTimedOut e) {
            log.warn("Import {} failed: {}", importId, e.getMessage());
            jobs.finish(
                    importId,
                    JobStatus.FAILED,
                    new ImportCounts(0, 0, 0, 0, 0),
                    "The import stopped and nothing was imported: " + e.getMessage());
            meters.finished(request.kind(), "failed");
        } catch (RuntimeException | SQLException | IOException e) {
            if (jobs.request(importId)
                    .map(ImportJobStore.Request::cancelRequested)
                    .orElse(false)) {
                // the cancel stopped the running statement (ImportJobStore.requestCancel); it rolled back
                jobs.finish(
                        importId,
                        JobStatus.CANCELLED,
                        new ImportCounts(0, 0, 0, 0, 0),
                        "Cancelled on request; nothing was imported");
                meters.finished(request.kind(), "cancelled");
                return;
            }
            log.warn("Import {} failed", importId, e);
            jobs.finish(
                    importId,
                    JobStatus.FAILED,
                    new ImportCounts(0, 0, 0, 0, 0),
                    "The import stopped and nothing was imported: " + reason(e));
            meters.finished(request.kind(), "failed");
        }
    }

    private ImportCounts importFile(ImportJobStore.Request request, ImportErrors.Writer problems)
            throws IOException, SQLException {
        long started = System.nanoTime();
        FileSurvey.Survey survey = survey(request);
        log.info(
                "import {}: first pass over {} rows in {} ms",
                request.id(),
                survey.rows(),
                (System.nanoTime() - started) / 1_000_000);
        DateOrder.Decision dates = survey.dates();
        ColumnMapping mapping = survey.mapping();
        CsvLayout layout = survey.layout();
        jobs.describe(request.id(), survey.rows(), mapping, survey.detected(), dates.order());

        Organization org = organization(request.orgId());
        ImportContext context = new ImportContext(
                request.id(),
                request.orgId(),
                request.userId(),
                request.kind(),
                mapping,
                dates.order(),
                org.currency(),
                org.fractionDigits(),
                org.zone());
        return stageAndMerge(request, layout, context, problems);
    }

    private FileSurvey.Survey survey(ImportJobStore.Request request) throws IOException {
        return FileSurvey.survey(
                () -> files.open(request.orgId(), request.fileId()),
                request.kind(),
                request.mapping(),
                request.dateOrder());
    }

    private ImportCounts stageAndMerge(
            ImportJobStore.Request request, CsvLayout layout, ImportContext context, ImportErrors.Writer problems)
            throws IOException, SQLException {
        KindImport kind = kinds.get(request.kind());
        try (Connection connection = connections.open(request.id())) {
            connection.setAutoCommit(false);
            try {
                JdbcClient tx = JdbcClient.create(new SingleConnectionDataSource(connection, true));
                tx.sql("CREATE TEMP TABLE import_stage (row_no bigint NOT NULL, new_id uuid NOT NULL, ext_id text, "
                                + kind.stagingColumns() + ") ON COMMIT DROP")
                        .update();
                tx.sql("""
                        CREATE TEMP TABLE import_problems (row_no bigint NOT NULL, column_name text, value text,
                                                           message text NOT NULL, severity text NOT NULL)
                        ON COMMIT DROP
                        """).update();
                long started = System.nanoTime();
                long staged = stage(request, layout, context, kind, connection, problems);
                log.info(
                        "import {}: {} rows staged in {} ms",
                        request.id(),
                        staged,
                        (System.nanoTime() - started) / 1_000_000);
                started = System.nanoTime();
                jobs.progress(request.id(), staged + problems.errors(), "merging");
                MergeSql sql = new MergeSql(tx, context, properties.mergeStepTimeout());
                // temporary tables are never analyzed by autovacuum; without statistics every plan guesses
                if (kind.looksUpExternalIds()) {
                    sql.update("CREATE INDEX ON import_stage (ext_id)");
                }
                sql.update("ANALYZE import_stage");
                ImportCounts counts = ImportCounts.of(kind.merge(sql));
                log.info("import {}: merged in {} ms", request.id(), (System.nanoTime() - started) / 1_000_000);
                moveProblems(tx, context, problems);
                counts = counts.plusFailed(problems.errors());
                if (request.dryRun()
                        || jobs.request(request.id())
                                .map(ImportJobStore.Request::cancelRequested)
                                .orElse(false)) {
                    connection.rollback();
                    if (!request.dryRun()) {
                        throw new Cancelled();
                    }
                } else {
                    started = System.nanoTime();
                    connection.commit();
                    log.info("import {}: committed in {} ms", request.id(), (System.nanoTime() - started) / 1_000_000);
                    try {
                        kind.afterCommit(context);
                    } catch (RuntimeException e) {
                        log.warn(
                                "import {}: committed, but the follow-up work failed (a job repeats it later)",
                                request.id(),
                                e);
                    }
                }
                return counts;
            } catch (RuntimeException | SQLException | IOException e) {
                connection.rollback();
                throw e;
            }
        }
    }

    /** The second pass: every row becomes staged values or a reported problem. */
    private long stage(
            ImportJobStore.Request request,
            CsvLayout layout,
            ImportContext context,
            KindImport kind,
            Connection connection,
            ImportErrors.Writer problems)
            throws IOException, SQLException {
        String columns = "row_no, new_id, ext_id, " + columnNames(kind.stagingColumns());
        try (InputStream in = files.open(request.orgId(), request.fileId());
                CsvReader<CsvRecord> reader = layout.records(in);
                StagingCopy copy = new StagingCopy(connection, "import_stage", columns)) {
            long read = 0;
            boolean header = true;
            Ids.Block ids = Ids.block();
            try {
                for (CsvRecord record : reader) {
                    if (header) {
                        header = false;
                        continue;
                    }
                    read++;
                    long rowNumber = record.getStartingLineNumber();
                    if (record.getFields().stream().allMatch(String::isBlank)) {
                        continue;
                    }
                    try {
                        ImportRow importRow = new ImportRow(rowNumber, record.getFields(), context);
                        Object[] values = kind.stage(importRow);
                        Object[] row = new Object[values.length + 2];
                        row[0] = rowNumber;
                        row[1] = ids.next();
                        System.arraycopy(values, 0, row, 2, values.length);
                        copy.row(row);
                        for (ImportRow.Warning w : importRow.warnings()) {
                            problems.add(new ImportErrors.ImportError(
                                    rowNumber, context.header(w.field()), w.value(), w.message(), "warning"));
                        }
                    } catch (RowProblem p) {
                        problems.add(new ImportErrors.ImportError(
                                rowNumber, context.header(p.field()), p.value(), p.getMessage(), "error"));
                    }
                    if (read % PROGRESS_EVERY == 0 && jobs.progress(request.id(), read, "staging")) {
                        throw new Cancelled();
                    }
                }
            } catch (CsvParseException e) {
                problems.add(new ImportErrors.ImportError(
                        read + 2,
                        null,
                        null,
                        "The rest of the file cannot be read as CSV (" + e.getMessage()
                                + "); usually a quote that is never closed",
                        "error"));
            }
            copy.finish();
            return copy.rows();
        }
    }

    /** Copies what the merge reported into the import's report. */
    private void moveProblems(JdbcClient tx, ImportContext context, ImportErrors.Writer problems) {
        tx.sql("SELECT row_no, column_name, value, message, severity FROM import_problems ORDER BY row_no")
                .query(rs -> {
                    String severity = rs.getString(5);
                    String column = rs.getString(2);
                    problems.add(new ImportErrors.ImportError(
                            rs.getLong(1),
                            column == null ? null : context.header(column),
                            rs.getString(3),
                            rs.getString(4),
                            severity));
                });
    }

    private record Organization(String currency, int fractionDigits, ZoneId zone) {}

    private Organization organization(UUID orgId) {
        OrganizationProfiles.Profile org = organizations.find(orgId).orElseThrow();
        int digits = Math.max(0, Currency.getInstance(org.currency()).getDefaultFractionDigits());
        return new Organization(org.currency(), digits, org.zone());
    }

    static String columnNames(String definitions) {
        return java.util.Arrays.stream(definitions.split(","))
                .map(d -> d.strip().split("\\s+")[0])
                .collect(Collectors.joining(", "));
    }

    private static String reason(Exception e) {
        if (e instanceof io.wellbase.platform.web.ApiException || e instanceof io.wellbase.platform.plans.PlanRefusal) {
            return e.getMessage();
        }
        return e instanceof SQLException
                ? "a database error (" + ((SQLException) e).getSQLState() + ")"
                : e.getClass().getSimpleName();
    }
}
