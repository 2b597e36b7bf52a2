package io.wellbase.platform.internal.web;

import io.wellbase.platform.web.Problems;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/**
 * Whether a failure means the database cannot be reached (down, restarting, the pool exhausted): such a
 * request answers 503 with {@code Retry-After}, whichever layer it failed in, never a 500.
 */
final class DatabaseOutage {

    /** Seconds a client should wait before it tries again. */
    static final String RETRY_AFTER_SECONDS = "5";

    private DatabaseOutage() {}

    /** The one answer to an outage, wherever it is written. */
    static ProblemDetail problem() {
        return Problems.of(
                HttpStatus.SERVICE_UNAVAILABLE,
                "dependency.database_unavailable",
                "The database is unavailable; try again shortly");
    }

    static boolean causedBy(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof DataAccessResourceFailureException
                    || t instanceof TransientDataAccessResourceException
                    || t instanceof CannotCreateTransactionException
                    || t instanceof SQLTransientConnectionException
                    || t instanceof TransactionSystemException && connectionLost(t.getCause())
                    || t instanceof SQLException sql && connectionLost(sql)) {
                return true;
            }
        }
        return false;
    }

    /** SQLSTATE class 08 (connection exception), 57P01-57P03 (the server is shutting down or starting). */
    private static boolean connectionLost(Throwable t) {
        if (!(t instanceof SQLException sql) || sql.getSQLState() == null) {
            return false;
        }
        String state = sql.getSQLState();
        return state.startsWith("08") || state.equals("57P01") || state.equals("57P02") || state.equals("57P03");
    }
}
