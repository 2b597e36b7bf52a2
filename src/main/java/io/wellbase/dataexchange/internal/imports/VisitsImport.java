package io.wellbase.dataexchange.internal.imports;

import io.wellbase.clients.ClientImports;
import io.wellbase.organizations.LocationImports;
import io.wellbase.organizations.MemberImports;
import io.wellbase.platform.imports.ImportStage;
import io.wellbase.platform.imports.MergeResult;
import io.wellbase.scheduling.ClassImports;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * Visits (attendance history). Each row is a client in a class at a time: the class session is
 * found or created (class types and locations by name, created when missing), and the visit
 * becomes a booking that was attended, late-cancelled or a no-show (from the flag columns or a
 * status in Mindbody's words, see {@link Vocabulary#VISIT_STATUS}). History does not use credits
 * and sends no messages. A row updates the visit it was imported as (Visit ID, or client, time and
 * class when the file has no visit ids).
 */
@Component
class VisitsImport implements KindImport {

    private final ClientImports clients;
    private final LocationImports locations;
    private final MemberImports members;
    private final ClassImports classes;

    VisitsImport(ClientImports clients, LocationImports locations, MemberImports members, ClassImports classes) {
        this.clients = clients;
        this.locations = locations;
        this.members = members;
        this.classes = classes;
    }

    @Override
    public ImportKind kind() {
        return ImportKind.VISITS;
    }

    @Override
    public String stagingColumns() {
        return ClassImports.VISIT_COLUMNS;
    }

    /** The visits merge reads the stage from end to end: every row is joined by hashing, none looked up. */
    @Override
    public boolean looksUpExternalIds() {
        return false;
    }

    @Override
    public Object[] stage(ImportRow row) throws RowProblem {
        String client = row.limited("clientId", 100);
        if (client == null) {
            throw row.problem("clientId", null, "is empty");
        }
        LocalDateTime at = row.dateTime("visitDate");
        if (at == null) {
            throw row.problem("visitDate", null, "is empty");
        }
        LocalTime time = row.time("visitTime");
        if (time != null) {
            at = at.toLocalDate().atTime(time);
        }
        String className = row.limited("className", 200);
        if (className == null) {
            throw row.problem("className", null, "is empty");
        }
        boolean lateCancel = row.flag("lateCancel");
        boolean noShow = row.flag("noShow");
        if (lateCancel && noShow) {
            throw row.problem("noShow", row.text("noShow"), "a visit cannot be both a late cancel and a no-show");
        }
        String status = row.term(
                        "status",
                        Vocabulary.VISIT_STATUS,
                        "imported as attended (confirmed when it is ahead) unless Late Cancel or No Show says otherwise")
                .orElse(null);
        if (status != null) {
            if (status.equals("cancelled")) {
                throw row.problem(
                        "status",
                        row.text("status"),
                        "is an early cancellation: the client gave the place back, so there is no visit to import");
            }
            if (status.equals("waitlisted")) {
                throw row.problem(
                        "status",
                        row.text("status"),
                        "is a place on the waiting list, not a visit; waiting lists are not imported");
            }
            boolean statusLate = status.equals("late_cancelled");
            boolean statusNoShow = status.equals("no_show");
            if (lateCancel && !statusLate || noShow && !statusNoShow) {
                String flag = lateCancel ? "lateCancel" : "noShow";
                throw row.problem(
                        "status",
                        row.text("status"),
                        "disagrees with " + row.header(flag) + " " + row.text(flag)
                                + "; a visit has one outcome, so the row is not imported");
            }
            lateCancel = statusLate;
            noShow = statusNoShow;
        }
        String visitId = row.limited("externalId", 100);
        String key = visitId != null ? visitId : (client + "|" + at + "|" + className).toLowerCase(Locale.ROOT);
        return new Object[] {
            key, client, at, className, row.limited("staff", 200), row.limited("location", 200), lateCancel, noShow
        };
    }

    @Override
    public MergeResult merge(ImportStage sql) {
        sql.rejectDuplicates("ext_id", "externalId");
        clients.mapClients(sql, "client_ext");
        sql.reject(
                "import_stage s",
                "NOT EXISTS (SELECT 1 FROM client_map m WHERE m.ext = s.client_ext AND m.client_id IS NOT NULL)",
                "clientId",
                "client_ext",
                "'no client has this Client ID; import clients first'");
        sql.reject(
                "import_stage s",
                "EXISTS (SELECT 1 FROM client_map m WHERE m.ext = s.client_ext AND m.erased)",
                "clientId",
                "client_ext",
                "'this client was erased on request; their visits are not imported'");
        locations.mapLocations(sql, "location_name");
        members.mapStaffNames(sql);
        members.warnUnknownStaff(sql, "staff_name");
        return classes.mergeVisits(sql);
    }
}
