package io.wellbase.dataexchange.internal.exports;

import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import io.wellbase.files.FilePurpose;
import io.wellbase.files.StoredFile;
import io.wellbase.files.StoredFiles;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.ObjectMapper;

/**
 * Large exports as db-scheduler one-time tasks (instance id = export id): the rows go to a
 * temporary file, the file into storage. A run after a crash writes the whole file again.
 */
@Configuration(proxyBeanMethods = false)
class ExportTask {

    private static final Logger log = LoggerFactory.getLogger(ExportTask.class);

    @Bean
    OneTimeTask<Void> dataExportTask(ExportJobStore jobs, ExportRows rows, StoredFiles files, ObjectMapper json) {
        return Tasks.oneTime("data-export")
                .execute((instance, context) -> run(UUID.fromString(instance.getId()), jobs, rows, files, json));
    }

    static void run(UUID id, ExportJobStore jobs, ExportRows rows, StoredFiles files, ObjectMapper json) {
        ExportJobStore.Request request = jobs.request(id).orElse(null);
        if (request == null || request.status().finished()) {
            return;
        }
        jobs.start(id);
        Path temp = null;
        try {
            temp = Files.createTempFile("wellbase-export-", "." + request.format());
            long count;
            try (OutputStream out = Files.newOutputStream(temp);
                    RowWriter writer =
                            RowWriter.of(request.format(), request.type().columns(), out, json)) {
                count = rows.write(request.orgId(), request.type(), request.filter(), writer);
            }
            String filename = request.type().value() + "-" + LocalDate.now() + "." + request.format();
            StoredFile file = files.saveGenerated(
                    request.orgId(),
                    request.userId(),
                    FilePurpose.EXPORT,
                    filename,
                    request.format().equals("json") ? "application/json" : "text/csv",
                    temp);
            jobs.complete(id, count, file.id());
        } catch (IOException | RuntimeException e) {
            log.warn("Export {} failed", id, e);
            jobs.fail(id, "The export could not be written; try again");
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
}
