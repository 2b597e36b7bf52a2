package io.wellbase.dataexchange.internal.imports;

import io.wellbase.organizations.MemberImports;
import io.wellbase.platform.imports.ImportStage;
import io.wellbase.platform.imports.MergeResult;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * Staff. A new person becomes a user without a password who is a member of the organization with
 * the role given (staff unless said otherwise); with an email they sign in by "forgot password",
 * which proves the address is theirs. A person whose email already has an account outside this
 * organization is reported, never added silently (invite them instead). Owners are never created
 * or changed by an import.
 */
@Component
class StaffImport implements KindImport {

    private final MemberImports members;

    StaffImport(MemberImports members) {
        this.members = members;
    }

    @Override
    public ImportKind kind() {
        return ImportKind.STAFF;
    }

    @Override
    public String stagingColumns() {
        return MemberImports.STAGING_COLUMNS;
    }

    @Override
    public Object[] stage(ImportRow row) throws RowProblem {
        String first = row.limited("firstName", 100);
        String last = row.limited("lastName", 100);
        if (first == null || last == null) {
            throw row.problem(first == null ? "firstName" : "lastName", null, "is empty");
        }
        String email = row.email("email");
        String id = row.limited("externalId", 100);
        String key = id != null
                ? id
                : email != null
                        ? "email:" + email.toLowerCase(Locale.ROOT)
                        : ("name:" + first + " " + last).toLowerCase(Locale.ROOT);
        return new Object[] {key, first, last, email, role(row)};
    }

    private static String role(ImportRow row) throws RowProblem {
        String value = row.text("role");
        if (value == null) {
            return "staff";
        }
        String v = value.toLowerCase(Locale.ROOT);
        if (v.contains("owner")) {
            throw row.problem("role", value, "owners are not imported; the organization's owners invite each other");
        }
        if (v.contains("admin")) {
            return "admin";
        }
        if (v.contains("manager")) {
            return "manager";
        }
        if (v.contains("front") || v.contains("desk") || v.contains("reception")) {
            return "front_desk";
        }
        if (v.matches(".*(staff|teacher|instructor|trainer|coach|therapist|practitioner|employee).*")) {
            return "staff";
        }
        throw row.problem("role", value, "is not a role (admin, manager, staff, front desk)");
    }

    @Override
    public MergeResult merge(ImportStage sql) {
        sql.rejectDuplicates("ext_id", "externalId");
        sql.rejectDuplicates(
                "import_stage",
                "lower(email)",
                "email",
                "email",
                "the same email is on row %s; only the first is imported");
        return members.merge(sql);
    }
}
