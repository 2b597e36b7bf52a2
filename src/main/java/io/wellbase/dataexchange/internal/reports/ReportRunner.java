package io.wellbase.dataexchange.internal.reports;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.wellbase.files.FilePurpose;
import io.wellbase.files.StoredFile;
import io.wellbase.files.StoredFiles;
import io.wellbase.organizations.Locations;
import io.wellbase.organizations.OrganizationProfiles;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.databind.ObjectMapper;

/** Builds a requested report, renders it in its format and keeps the file. A re-run rebuilds it. */
@Component
class ReportRunner {

    private static final Logger log = LoggerFactory.getLogger(ReportRunner.class);

    private final ReportJobStore jobs;
    private final Map<ReportType, ReportBuilder> builders;
    private final StoredFiles files;
    private final Locations locations;
    private final OrganizationProfiles organizations;
    private final ObjectMapper json;

    ReportRunner(
            ReportJobStore jobs,
            List<ReportBuilder> builders,
            StoredFiles files,
            Locations locations,
            OrganizationProfiles organizations,
            ObjectMapper json) {
        this.jobs = jobs;
        this.builders = builders.stream().collect(Collectors.toMap(ReportBuilder::type, Function.identity()));
        this.files = files;
        this.locations = locations;
        this.organizations = organizations;
        // every column in every row, null where there is no figure (a rate of nothing, no last visit)
        this.json = json.rebuild()
                .changeDefaultPropertyInclusion(inclusion -> inclusion
                        .withValueInclusion(JsonInclude.Include.ALWAYS)
                        .withContentInclusion(JsonInclude.Include.ALWAYS))
                .build();
    }

    void run(UUID id) {
        ReportJobStore.Request request = jobs.request(id).orElse(null);
        if (request == null || request.status().finished()) {
            return;
        }
        long started = System.nanoTime();
        Path temp = null;
        try {
            ReportData data = build(request);
            temp = Files.createTempFile("wellbase-report-", "." + request.format());
            try (OutputStream out = Files.newOutputStream(temp)) {
                render(data, request.format(), out);
            }
            String name = request.type().value() + "-" + data.scope().from() + "-to-"
                    + data.scope().to() + "." + request.format();
            StoredFile file = files.saveGenerated(
                    request.orgId(), request.userId(), FilePurpose.REPORT, name, contentType(request.format()), temp);
            jobs.complete(id, file.id(), (System.nanoTime() - started) / 1_000_000);
        } catch (IOException | RuntimeException e) {
            log.warn("Report {} failed", id, e);
            jobs.fail(id, "The report could not be made; try again");
        } finally {
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException ignored) {
                    // a temporary file
                }
            }
        }
    }

    ReportData build(ReportJobStore.Request request) {
        return builders.get(request.type()).build(scope(request.orgId(), request.filters()));
    }

    void render(ReportData data, String format, OutputStream out) throws IOException {
        switch (format) {
            case "pdf" -> PdfReport.write(data, out);
            case "json" -> TabularReport.json(data, out, json);
            default -> TabularReport.csv(data, out);
        }
    }

    @SuppressWarnings("unchecked")
    ReportScope scope(UUID orgId, Map<String, Object> filters) {
        Map<String, Object> range = (Map<String, Object>) filters.get("dateRange");
        UUID location = filters.get("locationId") == null ? null : UUID.fromString((String) filters.get("locationId"));
        OrganizationProfiles.Profile org = organizations.find(orgId).orElseThrow();
        return new ReportScope(
                orgId,
                org.name(),
                org.zone(),
                org.currency(),
                LocalDate.parse((String) range.get("from")),
                LocalDate.parse((String) range.get("to")),
                location,
                location == null
                        ? null
                        : locations
                                .find(orgId, location)
                                .map(Locations.LocationInfo::name)
                                .orElse(null));
    }

    static String contentType(String format) {
        return switch (format) {
            case "pdf" -> "application/pdf";
            case "json" -> "application/json";
            default -> "text/csv";
        };
    }
}
