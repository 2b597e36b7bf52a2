package io.wellbase.dataexchange.internal.imports;

import io.wellbase.organizations.LocationImports;
import io.wellbase.organizations.MemberImports;
import io.wellbase.platform.imports.ImportStage;
import io.wellbase.platform.imports.MergeResult;
import io.wellbase.scheduling.ClassImports;
import io.wellbase.scheduling.SessionHorizon;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.stereotype.Component;

/**
 * Classes and schedules: each row is a weekly class (name, days, time, location, teacher). Class
 * types are found by name or created, and a weekly schedule is created or updated (found by the
 * Class ID it was imported with, or by its Wellbase id as the classes export writes it); its
 * upcoming sessions are generated once the import has committed.
 */
@Component
class ClassesImport implements KindImport {

    private final SessionHorizon horizon;
    private final LocationImports locations;
    private final MemberImports members;
    private final ClassImports classes;

    ClassesImport(SessionHorizon horizon, LocationImports locations, MemberImports members, ClassImports classes) {
        this.horizon = horizon;
        this.locations = locations;
        this.members = members;
        this.classes = classes;
    }

    @Override
    public ImportKind kind() {
        return ImportKind.CLASSES;
    }

    @Override
    public String stagingColumns() {
        return ClassImports.CLASS_COLUMNS;
    }

    @Override
    public Object[] stage(ImportRow row) throws RowProblem {
        String name = row.limited("className", 200);
        if (name == null) {
            throw row.problem("className", null, "is empty");
        }
        Set<DayOfWeek> days = new TreeSet<>(row.weekdays("days"));
        LocalTime start = row.time("startTime");
        if (start == null) {
            throw row.problem("startTime", null, "is empty");
        }
        LocalDate first = row.date("startDate");
        LocalDate last = row.date("endDate");
        if (first != null && last != null && last.isBefore(first)) {
            throw row.problem("endDate", row.text("endDate"), "is before the start date");
        }
        String location = row.limited("location", 200);
        String id = row.limited("externalId", 100);
        String key = id != null ? id : (name + "|" + location + "|" + days + "|" + start).toLowerCase(Locale.ROOT);
        return new Object[] {
            key,
            name,
            row.limited("description", 2000),
            row.limited("category", 100),
            location,
            row.limited("staff", 200),
            days,
            start,
            row.integer("duration", 5, 1440),
            row.integer("capacity", 1, 10000),
            first,
            last
        };
    }

    @Override
    public MergeResult merge(ImportStage sql) {
        sql.rejectDuplicates("ext_id", "externalId");
        locations.mapLocations(sql, "location_name");
        members.mapStaffNames(sql);
        members.warnUnknownStaff(sql, "staff_name");
        return classes.mergeClasses(sql);
    }

    @Override
    public void afterCommit(ImportContext context) {
        horizon.extend(context.orgId());
    }
}
