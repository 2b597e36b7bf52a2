package io.wellbase.dataexchange.internal.imports;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import javax.sql.DataSource;
import org.springframework.stereotype.Component;

/**
 * A database session of its own for each import, outside the pool, so that it can be given room
 * for its staging tables ({@code temp_buffers} can only be set before a session first uses a
 * temporary table, which a pooled session may already have done) and memory for its sorts.
 */
@Component
class ImportConnections {

    static final String TEMP_BUFFERS = "256MB";
    static final String WORK_MEM = "128MB";

    private final DataSource dataSource;

    ImportConnections(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The session name an import's connection carries, so that a cancel can find and stop its statement. */
    static String applicationName(java.util.UUID importId) {
        return "wellbase-import:" + importId;
    }

    Connection open(java.util.UUID importId) throws SQLException {
        Connection connection;
        if (dataSource instanceof HikariDataSource hikari && hikari.getJdbcUrl() != null) {
            Properties properties = new Properties();
            if (hikari.getUsername() != null) {
                properties.setProperty("user", hikari.getUsername());
            }
            if (hikari.getPassword() != null) {
                properties.setProperty("password", hikari.getPassword());
            }
            properties.setProperty("ApplicationName", applicationName(importId));
            connection = DriverManager.getConnection(hikari.getJdbcUrl(), properties);
            try (Statement statement = connection.createStatement()) {
                statement.execute("SET temp_buffers = '" + TEMP_BUFFERS + "'");
            }
        } else {
            connection = dataSource.getConnection();
        }
        try (Statement statement = connection.createStatement()) {
            statement.execute("SET work_mem = '" + WORK_MEM + "'");
        }
        return connection;
    }
}
