package io.wellbase.files.internal;

import io.wellbase.platform.data.OrganizationRows;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The files' part in removing an organization: first the stored bytes of every file of it (the rows stay until
 * the remover's transaction deletes them, so a crash in between only repeats this), then the rows. A file written
 * in between (an export finishing while the organization goes) is seen by the rows' delete, which removes its bytes
 * once the transaction commits; after the commit no file of the organization can be recorded (its row is gone, and
 * a file whose row cannot be written has its bytes deleted by the keeper).
 */
@Component
class FilesOrganizationRows extends OrganizationRows {

    private static final Logger log = LoggerFactory.getLogger(FilesOrganizationRows.class);

    private final JdbcClient jdbc;
    private final ObjectStorage storage;

    FilesOrganizationRows(JdbcClient jdbc, ObjectStorage storage) {
        super(jdbc);
        this.jdbc = jdbc;
        this.storage = storage;
    }

    @Override
    public long delete(String table, UUID organizationId) {
        if (!table.equals("files") && !table.equals("pending_uploads")) {
            return super.delete(table, organizationId);
        }
        List<String> keys = jdbc.sql("DELETE FROM " + table + " WHERE org_id = :org RETURNING storage, storage_key")
                .param("org", organizationId)
                .query((rs, n) -> storage.name().equals(rs.getString(1)) ? rs.getString(2) : null)
                .list();
        List<String> here = keys.stream().filter(Objects::nonNull).toList();
        if (!here.isEmpty()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    deleteBytes(organizationId, here);
                }
            });
        }
        return keys.size();
    }

    /** Bytes whose rows are gone: deleted if still there (most went before the rows), else only logged. */
    private void deleteBytes(UUID organizationId, List<String> keys) {
        for (String key : keys) {
            try {
                storage.delete(key);
            } catch (IOException e) {
                log.warn(
                        "Organization {} is removed but the stored file {} could not be deleted",
                        organizationId,
                        key,
                        e);
            }
        }
    }

    @Override
    public void removeOutside(UUID organizationId) {
        List<String> keys = jdbc.sql("""
                SELECT storage_key FROM files WHERE org_id = :org AND storage = :storage
                UNION ALL
                SELECT storage_key FROM pending_uploads WHERE org_id = :org AND storage = :storage
                """)
                .param("org", organizationId)
                .param("storage", storage.name())
                .query(String.class)
                .list();
        for (String key : keys) {
            try {
                storage.delete(key);
            } catch (IOException e) {
                throw new UncheckedIOException("could not delete the stored file " + key, e);
            }
        }
        long elsewhere = jdbc.sql("SELECT count(*) FROM files WHERE org_id = :org AND storage <> :storage")
                .param("org", organizationId)
                .param("storage", storage.name())
                .query(Long.class)
                .single();
        if (elsewhere > 0) {
            log.warn(
                    "Organization {}: {} files are kept in a storage this node does not use; their bytes stay there",
                    organizationId,
                    elsewhere);
        }
    }
}
