package io.wellbase.platform.internal.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.wellbase.platform.PlatformProperties;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The one DataSource: the external PostgreSQL named by {@code WELLBASE_DB_URL}, or an embedded
 * PostgreSQL 17 whose data lives under {@code ./.wellbase/} so that a restart loses nothing.
 */
@Configuration(proxyBeanMethods = false)
class DatabaseConfig {

    private static final Logger log = LoggerFactory.getLogger(DatabaseConfig.class);

    @Bean(destroyMethod = "close")
    HikariDataSource dataSource(PlatformProperties properties) {
        PlatformProperties.Db db = properties.db();
        HikariConfig config = new HikariConfig();
        config.setPoolName("wellbase");
        config.setMaximumPoolSize(db.maxPoolSize());
        config.setMinimumIdle(Math.min(db.maxPoolSize(), db.minIdle()));
        config.setConnectionTimeout(5_000);
        if (!db.embedded()) {
            config.setJdbcUrl(db.url());
            config.setUsername(db.user());
            config.setPassword(db.password());
            return new HikariDataSource(config);
        }
        EmbeddedPostgres postgres = startEmbedded(db);
        config.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
        config.setUsername("postgres");
        return new EmbeddedBackedDataSource(config, postgres);
    }

    private static EmbeddedPostgres startEmbedded(PlatformProperties.Db db) {
        Path dataDir = Path.of(db.embeddedDataDir()).toAbsolutePath();
        try {
            Files.createDirectories(dataDir);
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDir)
                    .setCleanDataDirectory(false)
                    .setServerConfig("max_connections", "200")
                    .setServerConfig("timezone", "UTC");
            if (db.embeddedPort() > 0) {
                builder.setPort(db.embeddedPort());
            }
            EmbeddedPostgres postgres = builder.start();
            log.info("Embedded PostgreSQL started on port {} with data in {}", postgres.getPort(), dataDir);
            return postgres;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start embedded PostgreSQL in " + dataDir, e);
        }
    }

    /** A pool that stops its embedded server when it is closed. */
    static final class EmbeddedBackedDataSource extends HikariDataSource {

        private final transient EmbeddedPostgres postgres;

        EmbeddedBackedDataSource(HikariConfig config, EmbeddedPostgres postgres) {
            super(config);
            this.postgres = postgres;
        }

        @Override
        public void close() {
            super.close();
            try {
                postgres.close();
            } catch (IOException e) {
                log.warn("Embedded PostgreSQL did not stop cleanly", e);
            }
        }
    }

}
