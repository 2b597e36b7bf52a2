/**
 * Class types, recurring schedules and class sessions, bookings with waitlists, check-in and
 * attendance.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Scheduling")
@io.wellbase.platform.data.OwnsTables({
    "scheduling_settings",
    "class_types",
    "class_schedules",
    "class_sessions",
    "bookings",
    "services",
    "staff_working_hours",
    "staff_extra_hours",
    "staff_time_off",
    "appointments",
    "calendar_feeds"
})
@io.wellbase.platform.data.PublishesViews({
    "report_class_types",
    "report_class_schedules",
    "report_class_sessions",
    "report_bookings",
    "report_appointments",
    "report_services"
})
@org.jspecify.annotations.NullMarked
package io.wellbase.scheduling;
