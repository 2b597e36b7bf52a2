package io.wellbase.dataexchange.internal.imports;

import io.wellbase.clients.ClientImports;
import io.wellbase.memberships.MembershipImports;
import io.wellbase.platform.imports.ImportStage;
import io.wellbase.platform.imports.MergeResult;
import java.time.LocalDate;
import java.util.Locale;

/**
 * What a client holds of a plan: memberships and contracts, or class packs with the classes that
 * remain. Plans are found by name or created (price unknown, so 0; the studio prices them later).
 * A holding's status follows its dates unless the file says otherwise. Remaining classes become
 * the credit balance: a grant of the pack's count and an adjustment for what was used before, and
 * on a later import an adjustment to the new balance; the ledger is never rewritten.
 */
abstract class PlanHoldingsImport implements KindImport {

    private final ClientImports clients;
    private final MembershipImports memberships;

    PlanHoldingsImport(ClientImports clients, MembershipImports memberships) {
        this.clients = clients;
        this.memberships = memberships;
    }

    abstract MembershipImports.Holding holding();

    @Override
    public String stagingColumns() {
        return MembershipImports.HOLDING_COLUMNS;
    }

    @Override
    public Object[] stage(ImportRow row) throws RowProblem {
        String client = row.requiredText("clientId");
        String plan = row.limited("plan", 200);
        if (plan == null) {
            throw row.problem("plan", null, "is empty");
        }
        LocalDate start = row.date("startDate");
        if (start == null) {
            throw row.problem("startDate", null, "is empty");
        }
        LocalDate end = row.date("endDate");
        if (end != null && end.isBefore(start)) {
            throw row.problem("endDate", row.text("endDate"), "is before the start date");
        }
        Integer count = row.integer("count", 1, 100_000);
        Integer remaining = row.integer("remaining", 0, 100_000);
        if (count != null && remaining != null && remaining > count) {
            throw row.problem("remaining", row.text("remaining"), "is more than the count of " + count);
        }
        String id = row.limited("externalId", 100);
        String key = id != null ? id : (client + "|" + plan + "|" + start).toLowerCase(Locale.ROOT);
        return new Object[] {key, client, plan, start, end, count, remaining, status(row)};
    }

    /** Mindbody's words and the usual ones; an unknown word leaves the status to the dates. */
    private static String status(ImportRow row) {
        return row.term(
                        "status",
                        Vocabulary.MEMBERSHIP_STATUS,
                        "the status follows the dates instead (pending before the start, expired after the end, else active)")
                .orElse(null);
    }

    @Override
    public MergeResult merge(ImportStage sql) {
        sql.rejectDuplicates("ext_id", "externalId");
        clients.mapClients(sql, "client_ext");
        sql.reject(
                "import_stage s",
                "NOT EXISTS (SELECT 1 FROM client_map m WHERE m.ext = s.client_ext AND m.client_id IS NOT NULL AND NOT m.erased)",
                "clientId",
                "client_ext",
                "'no client has this Client ID (or the client was erased); import clients first'");
        return memberships.mergeHoldings(sql, holding());
    }
}
