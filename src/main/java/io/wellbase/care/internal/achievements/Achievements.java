package io.wellbase.care.internal.achievements;

import io.wellbase.care.internal.breathing.BreathingStore;
import io.wellbase.care.internal.mood.MoodStore;
import io.wellbase.care.internal.programs.ProgramStore;
import io.wellbase.clients.ClientAccounts;
import io.wellbase.notifications.CareNotices;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.ObjectMapper;

/**
 * Measures a client against every achievement and awards what they reached: each at most once, whatever arrives at
 * the same time (the insert that wins the client's row is the only one that tells them).
 */
@Service
public class Achievements {

    private final JdbcClient jdbc;
    private final ObjectMapper json;
    private final MoodStore moods;
    private final BreathingStore breathing;
    private final ClientAccounts accounts;
    private final CareNotices notices;
    private final ProgramStore programs;

    Achievements(
            ProgramStore programs,
            JdbcClient jdbc,
            ObjectMapper json,
            MoodStore moods,
            BreathingStore breathing,
            ClientAccounts accounts,
            CareNotices notices) {
        this.programs = programs;
        this.jdbc = jdbc;
        this.json = json;
        this.moods = moods;
        this.breathing = breathing;
        this.accounts = accounts;
        this.notices = notices;
    }

    record Earned(String code, OffsetDateTime earnedAt) {}

    /** The built-in achievements and the organization's own active ones. */
    List<Achievement> all(UUID org) {
        List<Achievement> own = jdbc.sql("""
                SELECT code, name, description, icon, category, points, requirement FROM achievements
                WHERE org_id = :org AND active ORDER BY created_at, code
                """)
                .param("org", org)
                .query((rs, n) -> new Achievement(
                        rs.getString("code"),
                        rs.getString("name"),
                        rs.getString("description"),
                        rs.getString("icon"),
                        rs.getString("category"),
                        rs.getInt("points"),
                        Requirement.of(json.readTree(rs.getString("requirement")))
                                .orElseThrow(),
                        false))
                .list();
        return Stream.concat(Achievement.BUILT_IN.stream(), own.stream()).toList();
    }

    /** Adds one of the organization's own; false when the code is taken. */
    boolean add(UUID org, UUID id, Achievement a) {
        if (Achievement.BUILT_IN.stream().anyMatch(b -> b.code().equals(a.code()))) {
            return false;
        }
        return jdbc.sql("""
                INSERT INTO achievements (id, org_id, code, name, description, icon, category, points, requirement)
                VALUES (:id, :org, :code, :name, :description, :icon, :category, :points, CAST(:requirement AS jsonb))
                ON CONFLICT (org_id, code) DO NOTHING
                """)
                        .param("id", id)
                        .param("org", org)
                        .param("code", a.code())
                        .param("name", a.name())
                        .param("description", a.description())
                        .param("icon", a.icon())
                        .param("category", a.category())
                        .param("points", a.points())
                        .param(
                                "requirement",
                                json.writeValueAsString(a.requirement().json()))
                        .update()
                == 1;
    }

    Progress progress(UUID org, UUID client) {
        int classes = jdbc.sql("""
                SELECT count(*) FROM report_bookings WHERE org_id = :org AND client_id = :client AND status = 'attended'
                """)
                .param("org", org)
                .param("client", client)
                .query(Integer.class)
                .single();
        return new Progress(
                classes,
                moods.longestStreak(org, client),
                breathing.count(org, client),
                programs.completedPrograms(org, client));
    }

    List<Earned> earned(UUID org, UUID client) {
        return jdbc.sql("""
                SELECT code, earned_at FROM client_achievements WHERE org_id = :org AND client_id = :client
                ORDER BY earned_at, code
                """)
                .param("org", org)
                .param("client", client)
                .query((rs, n) -> new Earned(rs.getString(1), rs.getObject(2, OffsetDateTime.class)))
                .list();
    }

    /** Awards every achievement the client now meets and has not earned; answers the codes newly earned. */
    @Transactional
    public List<String> evaluate(UUID org, UUID client) {
        Progress progress = progress(org, client);
        List<String> have = earned(org, client).stream().map(Earned::code).toList();
        List<String> earned = new ArrayList<>();
        @Nullable UUID user = null;
        boolean userLooked = false;
        for (Achievement a : all(org)) {
            if (have.contains(a.code())
                    || a.requirement().current(progress) < a.requirement().target()) {
                continue;
            }
            int inserted = jdbc.sql("""
                    INSERT INTO client_achievements (org_id, client_id, code) VALUES (:org, :client, :code)
                    ON CONFLICT DO NOTHING
                    """)
                    .param("org", org)
                    .param("client", client)
                    .param("code", a.code())
                    .update();
            if (inserted == 1) {
                earned.add(a.code());
                if (!userLooked) {
                    user = accounts.userOf(org, client).orElse(null);
                    userLooked = true;
                }
                if (user != null) {
                    notices.achievementEarned(org, user, client, a.code(), a.name(), a.points());
                }
            }
        }
        return earned;
    }

    public void forget(UUID org, UUID client) {
        jdbc.sql("DELETE FROM client_achievements WHERE org_id = :org AND client_id = :client")
                .param("org", org)
                .param("client", client)
                .update();
    }

    /** On a merge: the merged record's achievements join the survivor's (one of each). */
    public void merge(UUID org, UUID survivor, UUID merged) {
        jdbc.sql("""
                INSERT INTO client_achievements (org_id, client_id, code, earned_at)
                SELECT org_id, :survivor, code, earned_at FROM client_achievements
                WHERE org_id = :org AND client_id = :merged
                ON CONFLICT DO NOTHING
                """)
                .param("org", org)
                .param("survivor", survivor)
                .param("merged", merged)
                .update();
        forget(org, merged);
    }
}
