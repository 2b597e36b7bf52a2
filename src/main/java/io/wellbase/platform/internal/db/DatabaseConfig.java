package io.wellbase.platform.internal.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.wellbase.platform.PlatformProperties;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
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
        EmbeddedDatabase embedded = EmbeddedDatabase.start(db);
        config.setJdbcUrl(embedded.jdbcUrl());
        config.setUsername(EmbeddedDatabase.USER);
        config.setPassword(embedded.password());
        return new EmbeddedBackedDataSource(config, embedded.server());
    }

    /**
     * A pool that stops its embedded server when it is closed: the context closes it after every bean that
     * uses the database (scheduler, event registry, web server) has stopped, so the database goes last.
     */
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
