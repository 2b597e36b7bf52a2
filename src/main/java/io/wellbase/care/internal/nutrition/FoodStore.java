package io.wellbase.care.internal.nutrition;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** A client's food diary. */
@Component
public class FoodStore {

    private final JdbcClient jdbc;

    FoodStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public record Entry(
            UUID id,
            LocalDate day,
            String meal,
            String food,
            @Nullable String quantity,
            @Nullable BigDecimal calories,
            @Nullable BigDecimal protein,
            @Nullable BigDecimal carbs,
            @Nullable BigDecimal fat,
            String source,
            @Nullable String externalId,
            @Nullable OffsetDateTime createdAt) {}

    /** Writes an entry; an imported one with a key already stored replaces that one. */
    void upsert(UUID org, UUID client, Entry e) {
        if (e.externalId() != null) {
            jdbc.sql("""
                    DELETE FROM food_entries WHERE org_id = :org AND client_id = :client AND source = :source
                      AND external_id = :key
                    """)
                    .param("org", org)
                    .param("client", client)
                    .param("source", e.source())
                    .param("key", e.externalId())
                    .update();
        }
        jdbc.sql("""
                INSERT INTO food_entries (id, org_id, client_id, day, meal, food, quantity, calories, protein_g, carbs_g,
                    fat_g, source, external_id)
                VALUES (:id, :org, :client, :day, :meal, :food, :quantity, :calories, :protein, :carbs, :fat, :source, :key)
                """)
                .param("id", e.id())
                .param("org", org)
                .param("client", client)
                .param("day", e.day())
                .param("meal", e.meal())
                .param("food", e.food())
                .param("quantity", e.quantity())
                .param("calories", e.calories())
                .param("protein", e.protein())
                .param("carbs", e.carbs())
                .param("fat", e.fat())
                .param("source", e.source())
                .param("key", e.externalId())
                .update();
    }

    boolean delete(UUID org, UUID client, UUID id) {
        return jdbc.sql("DELETE FROM food_entries WHERE org_id = :org AND client_id = :client AND id = :id")
                        .param("org", org)
                        .param("client", client)
                        .param("id", id)
                        .update()
                == 1;
    }

    public List<Entry> between(UUID org, UUID client, LocalDate from, LocalDate to) {
        return jdbc.sql("""
                SELECT id, day, meal, food, quantity, calories, protein_g, carbs_g, fat_g, source, external_id, created_at
                FROM food_entries WHERE org_id = :org AND client_id = :client AND day BETWEEN :from AND :to
                ORDER BY day, CASE meal WHEN 'breakfast' THEN 1 WHEN 'lunch' THEN 2 WHEN 'dinner' THEN 3 ELSE 4 END,
                    created_at, id
                """)
                .param("org", org)
                .param("client", client)
                .param("from", from)
                .param("to", to)
                .query((rs, n) -> new Entry(
                        rs.getObject(1, UUID.class),
                        rs.getObject(2, LocalDate.class),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getBigDecimal(6),
                        rs.getBigDecimal(7),
                        rs.getBigDecimal(8),
                        rs.getBigDecimal(9),
                        rs.getString(10),
                        rs.getString(11),
                        rs.getObject(12, OffsetDateTime.class)))
                .list();
    }

    public int deleteAll(UUID org, UUID client) {
        return jdbc.sql("DELETE FROM food_entries WHERE org_id = :org AND client_id = :client")
                .param("org", org)
                .param("client", client)
                .update();
    }

    public void move(UUID org, UUID from, UUID to) {
        jdbc.sql("UPDATE food_entries SET client_id = :to WHERE org_id = :org AND client_id = :from")
                .param("org", org)
                .param("from", from)
                .param("to", to)
                .update();
    }
}
