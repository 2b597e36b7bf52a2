package io.wellbase.scheduling;

import io.wellbase.platform.imports.ImportStage;
import io.wellbase.platform.imports.MergeResult;

/**
 * How imported rows become weekly classes and attendance history. Both merges expect the reference
 * tables the importer builds first: {@code location_map} (from the organizations module) and
 * {@code staff_map} (members by name); visits also {@code client_map} with the unknown and erased
 * clients already rejected.
 */
public interface ClassImports {

    /** The staged columns of a classes import, after {@code ext_id} (the Class ID, or name, place, days and time). */
    String CLASS_COLUMNS = "class_name text, description text, category text, location_name text, staff_name text, "
            + "weekdays smallint[], start_time time, duration int, capacity int, start_date date, end_date date";

    /** The staged columns of a visits import, after {@code ext_id} (the Visit ID, or client, time and class). */
    String VISIT_COLUMNS = "client_ext text, visit_at timestamp, class_name text, staff_name text, "
            + "location_name text, late_cancel boolean, no_show boolean";

    /**
     * Merges staged weekly classes: class types are found by name or created, and a schedule is created
     * or updated (found by the id it was imported with, or by its Wellbase id). Its sessions are generated
     * by {@link SessionHorizon#extend} once the import has committed.
     */
    MergeResult mergeClasses(ImportStage stage);

    /**
     * Merges staged visits: each visit's session is found or created, and the visit becomes a booking that
     * was attended, late-cancelled or a no-show (confirmed when it is ahead), without credits or messages.
     * The sessions' seat counts are recounted from their bookings.
     */
    MergeResult mergeVisits(ImportStage stage);
}
