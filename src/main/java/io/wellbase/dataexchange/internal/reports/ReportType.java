package io.wellbase.dataexchange.internal.reports;

import java.util.Arrays;
import java.util.Optional;

/** The reports a studio can run. */
enum ReportType {
    ATTENDANCE_SUMMARY("attendance_summary", "Attendance summary"),
    REVENUE_SUMMARY("revenue_summary", "Revenue summary"),
    MEMBERSHIP_RETENTION("membership_retention", "Membership retention"),
    CLIENT_ROSTER("client_roster", "Client roster"),
    INSTRUCTOR_UTILIZATION("instructor_utilization", "Instructor utilization");

    private final String value;
    private final String title;

    ReportType(String value, String title) {
        this.value = value;
        this.title = title;
    }

    String value() {
        return value;
    }

    String title() {
        return title;
    }

    static Optional<ReportType> of(String value) {
        return Arrays.stream(values())
                .filter(t -> t.value.equalsIgnoreCase(value))
                .findFirst();
    }
}
