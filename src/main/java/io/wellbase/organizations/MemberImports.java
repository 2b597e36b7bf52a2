package io.wellbase.organizations;

import io.wellbase.platform.imports.ImportStage;
import io.wellbase.platform.imports.MergeResult;

/** How imported staff become members, and how other kinds' rows find the staff member they name. */
public interface MemberImports {

    /** The staged columns of a staff import, after {@code ext_id} (the Staff ID, or email or name). */
    String STAGING_COLUMNS = "first_name text, last_name text, email text, role text";

    /**
     * Merges staged staff: a new person becomes an account without a password that is a member with the
     * row's role; a member imported before or found by email takes the row's role (owners keep theirs). A
     * person whose email has an account outside the organization is reported, never added silently.
     */
    MergeResult merge(ImportStage stage);

    /** Builds {@code staff_map(name_key, user_id)}: the members by lower-cased "first last" and "last, first". */
    void mapStaffNames(ImportStage stage);

    /** Warns once per name in a staged column that no member has (those rows are imported without instructor). */
    void warnUnknownStaff(ImportStage stage, String column);
}
