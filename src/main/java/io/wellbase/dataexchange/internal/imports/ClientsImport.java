package io.wellbase.dataexchange.internal.imports;

import io.wellbase.clients.ClientImports;
import io.wellbase.platform.imports.ImportStage;
import io.wellbase.platform.imports.MergeResult;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * Clients. A row updates the client it was imported as before (its Client ID), or the client whose
 * Wellbase id or Mindbody id it carries (a Wellbase export imported again); without an id, the
 * email or the name and birth date stand in as its key. Empty cells never erase what is known.
 * Clients sharing an email are imported separately and flagged, never merged silently.
 */
@Component
class ClientsImport implements KindImport {

    private final ClientImports clients;

    ClientsImport(ClientImports clients) {
        this.clients = clients;
    }

    @Override
    public ImportKind kind() {
        return ImportKind.CLIENTS;
    }

    @Override
    public String stagingColumns() {
        return ClientImports.STAGING_COLUMNS;
    }

    @Override
    public Object[] stage(ImportRow row) throws RowProblem {
        String sourceId = row.limited("externalId", 100);
        String first = row.requiredText("firstName");
        String last = row.requiredText("lastName");
        if (first.length() > 100 || last.length() > 100) {
            throw row.problem(first.length() > 100 ? "firstName" : "lastName", null, "is longer than 100 characters");
        }
        String email = row.email("email");
        var birth = row.date("birthDate");
        String key = sourceId != null
                ? sourceId
                : email != null
                        ? "email:" + email.toLowerCase(Locale.ROOT)
                        : "name:" + (first + "|" + last + "|" + birth).toLowerCase(Locale.ROOT);
        return new Object[] {
            key,
            sourceId,
            first,
            last,
            email,
            row.limited("mobilePhone", 40),
            row.limited("homePhone", 40),
            birth,
            row.limited("gender", 40),
            row.limited("address", 200),
            row.limited("city", 100),
            row.limited("state", 100),
            row.limited("postalCode", 20),
            country(row),
            status(row),
            row.limited("source", 100),
            row.dateTime("createdAt")
        };
    }

    private static String country(ImportRow row) throws RowProblem {
        String value = row.text("country");
        if (value == null) {
            return null;
        }
        String code = Countries.code(value);
        if (code == null) {
            throw row.problem("country", value, "is not a country (use a name or a two-letter code)");
        }
        return code;
    }

    /** Mindbody's words and the usual ones; an unknown word keeps what is known, or active for a new client. */
    private static String status(ImportRow row) {
        return row.term(
                        "status",
                        Vocabulary.CLIENT_STATUS,
                        "imported as active (a client that already exists keeps its status)")
                .orElse(null);
    }

    @Override
    public MergeResult merge(ImportStage sql) {
        sql.rejectDuplicates("ext_id", "externalId");
        return clients.merge(sql);
    }
}
