package io.wellbase.scheduling.internal;

import io.wellbase.audit.AuditChange;
import io.wellbase.audit.AuditRecord;
import io.wellbase.audit.AuditTrail;
import io.wellbase.platform.data.Rows;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An organization's booking rules, with defaults until it sets its own.
 */
@Service
public class SchedulingSettings {

    private final JdbcClient jdbc;
    private final AuditTrail audit;

    SchedulingSettings(JdbcClient jdbc, AuditTrail audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    /** The rules; {@code maxBookingsPerDay} null means no limit. */
    public record Rules(
            int lateCancelHours,
            int bookingWindowDays,
            int minNoticeMinutes,
            Integer maxBookingsPerDay,
            String waitlistPolicy,
            int promotionCutoffMinutes,
            boolean lateCancelForfeits,
            boolean noShowForfeits,
            int penaltyCredits) {

        Map<String, Object> asMap() {
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("lateCancelHours", lateCancelHours);
            map.put("bookingWindowDays", bookingWindowDays);
            map.put("minNoticeMinutes", minNoticeMinutes);
            map.put("maxBookingsPerDay", maxBookingsPerDay);
            map.put("waitlistPolicy", waitlistPolicy);
            map.put("promotionCutoffMinutes", promotionCutoffMinutes);
            map.put("lateCancelForfeits", lateCancelForfeits);
            map.put("noShowForfeits", noShowForfeits);
            map.put("penaltyCredits", penaltyCredits);
            return map;
        }
    }

    static final Rules DEFAULTS = new Rules(12, 30, 0, null, "auto_promote", 60, true, true, 0);

    /**
     * The rules' columns for a query that reads them beside other rows of the organization in one
     * statement: {@code LEFT JOIN scheduling_settings st ON st.org_id = ...}; read them back with
     * {@link #joinedRules}.
     */
    public static final String JOINED_RULES_COLUMNS = """
            st.org_id AS rules_org_id, st.late_cancel_hours, st.booking_window_days, st.min_notice_minutes,
            st.max_bookings_per_day, st.waitlist_policy, st.promotion_cutoff_minutes, st.late_cancel_forfeits,
            st.no_show_forfeits, st.penalty_credits""";

    /** The rules of a row read with {@link #JOINED_RULES_COLUMNS}: the defaults when the organization set none. */
    public static Rules joinedRules(ResultSet rs) throws SQLException {
        if (rs.getObject("rules_org_id") == null) {
            return DEFAULTS;
        }
        return new Rules(
                rs.getInt("late_cancel_hours"),
                rs.getInt("booking_window_days"),
                rs.getInt("min_notice_minutes"),
                rs.getObject("max_bookings_per_day", Integer.class),
                rs.getString("waitlist_policy"),
                rs.getInt("promotion_cutoff_minutes"),
                rs.getBoolean("late_cancel_forfeits"),
                rs.getBoolean("no_show_forfeits"),
                rs.getInt("penalty_credits"));
    }

    @Transactional(readOnly = true)
    public Rules rules(UUID orgId) {
        return jdbc.sql("""
                SELECT late_cancel_hours, booking_window_days, min_notice_minutes, max_bookings_per_day,
                       waitlist_policy, promotion_cutoff_minutes, late_cancel_forfeits, no_show_forfeits, penalty_credits
                FROM scheduling_settings WHERE org_id = :org
                """)
                .param("org", orgId)
                .query(Rows.of(Rules.class))
                .optional()
                .orElse(DEFAULTS);
    }

    @Transactional
    public Rules replace(UUID orgId, Rules rules) {
        Rules before = rules(orgId);
        jdbc.sql("""
                INSERT INTO scheduling_settings (org_id, late_cancel_hours, booking_window_days, min_notice_minutes,
                    max_bookings_per_day, waitlist_policy, promotion_cutoff_minutes, late_cancel_forfeits, no_show_forfeits,
                    penalty_credits)
                VALUES (:org, :late, :window, :notice, :perDay, :policy, :cutoff, :lateForfeits, :noShowForfeits, :penalty)
                ON CONFLICT (org_id) DO UPDATE SET late_cancel_hours = excluded.late_cancel_hours,
                    booking_window_days = excluded.booking_window_days, min_notice_minutes = excluded.min_notice_minutes,
                    max_bookings_per_day = excluded.max_bookings_per_day, waitlist_policy = excluded.waitlist_policy,
                    promotion_cutoff_minutes = excluded.promotion_cutoff_minutes,
                    late_cancel_forfeits = excluded.late_cancel_forfeits, no_show_forfeits = excluded.no_show_forfeits,
                    penalty_credits = excluded.penalty_credits, updated_at = now()
                """)
                .param("org", orgId)
                .param("late", rules.lateCancelHours())
                .param("window", rules.bookingWindowDays())
                .param("notice", rules.minNoticeMinutes())
                .param("perDay", rules.maxBookingsPerDay())
                .param("policy", rules.waitlistPolicy())
                .param("cutoff", rules.promotionCutoffMinutes())
                .param("lateForfeits", rules.lateCancelForfeits())
                .param("noShowForfeits", rules.noShowForfeits())
                .param("penalty", rules.penaltyCredits())
                .update();
        audit.record(AuditRecord.of(
                orgId,
                "scheduling_settings.replaced",
                "scheduling_settings",
                orgId,
                AuditChange.diff(before.asMap(), rules.asMap())));
        return rules(orgId);
    }
}
