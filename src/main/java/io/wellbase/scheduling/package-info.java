/**
 * Class types, recurring schedules and class sessions, bookings with waitlists, check-in and
 * attendance.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Scheduling")
package io.wellbase.scheduling;
