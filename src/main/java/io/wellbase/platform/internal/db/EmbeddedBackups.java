package io.wellbase.platform.internal.db;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Daily;
import io.wellbase.platform.PlatformProperties;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;

/**
 * Daily backups of the embedded database into {@code wellbase.platform.db.backup-dir}
 * ({@code WELLBASE_BACKUP_DIR}), the newest {@code backups-kept} kept; a warning at every start while
 * the embedded database runs without one.
 */
@Configuration(proxyBeanMethods = false)
class EmbeddedBackups {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedBackups.class);
    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

    @EventListener(ApplicationReadyEvent.class)
    void warnWithoutBackups(ApplicationReadyEvent event) {
        PlatformProperties.Db db =
                event.getApplicationContext().getBean(PlatformProperties.class).db();
        if (db.embedded() && (db.backupDir() == null || db.backupDir().isBlank())) {
            log.warn("The embedded database has no backups configured: set WELLBASE_BACKUP_DIR for daily backups, "
                    + "or take them with bin/backup (docs/operations.md#backups)");
        }
    }

    @Bean
    RecurringTask<Void> embeddedBackupTask(PlatformProperties properties, DataSource dataSource) {
        return Tasks.recurring("embedded-backup", new Daily(ZoneOffset.UTC, LocalTime.of(3, 17)))
                .execute((instance, context) -> backUp(properties.db(), dataSource));
    }

    static void backUp(PlatformProperties.Db db, DataSource dataSource) {
        if (!db.embedded()
                || db.backupDir() == null
                || db.backupDir().isBlank()
                || !(dataSource instanceof com.zaxxer.hikari.HikariDataSource hikari)) {
            return;
        }
        try {
            Path dir = Files.createDirectories(Path.of(db.backupDir()));
            Path file = dir.resolve("wellbase-" + STAMP.format(java.time.Instant.now()) + ".wbk");
            DatabaseBackup.backup(
                    new DatabaseBackup.Target(hikari.getJdbcUrl(), hikari.getUsername(), hikari.getPassword(), null),
                    file);
            try (Stream<Path> files = Files.list(dir)) {
                List<Path> old = files.filter(f -> f.getFileName().toString().matches("wellbase-\\d{8}-\\d{6}\\.wbk"))
                        .sorted(Comparator.reverseOrder())
                        .skip(db.backupsKept())
                        .toList();
                for (Path f : old) {
                    Files.deleteIfExists(f);
                }
            }
            log.info("Backed up the embedded database to {}", file);
        } catch (IOException | SQLException e) {
            log.error("The daily backup of the embedded database failed", e);
        }
    }
}
