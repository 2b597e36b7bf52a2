package io.wellbase.organizations.internal;

import io.wellbase.organizations.Locations;
import io.wellbase.platform.data.Rows;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * SQL for locations and rooms; every statement is scoped to the organization.
 */
@Component
class LocationStore {

    private final JdbcClient jdbc;

    LocationStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A postal address. */
    record Address(String line1, String line2, String city, String postalCode, String region, String country) {}

    /** A location row. */
    record LocationRow(
            UUID id,
            String name,
            String timezone,
            String line1,
            String line2,
            String city,
            String postalCode,
            String region,
            String country,
            OffsetDateTime createdAt,
            OffsetDateTime updatedAt) {

        Address address() {
            return new Address(line1, line2, city, postalCode, region, country);
        }
    }

    /** A room of a location. */
    record RoomRow(UUID id, UUID locationId, String name, int capacity) {}

    void insert(UUID orgId, UUID id, String name, String timezone, Address a) {
        jdbc.sql("""
                INSERT INTO locations (id, org_id, name, timezone, line1, line2, city, postal_code, region, country)
                VALUES (:id, :org, :name, :tz, :line1, :line2, :city, :postal, :region, :country)
                """)
                .param("id", id)
                .param("org", orgId)
                .param("name", name)
                .param("tz", timezone)
                .param("line1", a.line1())
                .param("line2", a.line2())
                .param("city", a.city())
                .param("postal", a.postalCode())
                .param("region", a.region())
                .param("country", a.country())
                .update();
    }

    void update(UUID orgId, UUID id, String name, String timezone, Address a) {
        jdbc.sql("""
                UPDATE locations SET name = :name, timezone = :tz, line1 = :line1, line2 = :line2, city = :city,
                       postal_code = :postal, region = :region, country = :country, updated_at = now(),
                       version = version + 1
                WHERE org_id = :org AND id = :id AND archived_at IS NULL
                """)
                .param("id", id)
                .param("org", orgId)
                .param("name", name)
                .param("tz", timezone)
                .param("line1", a.line1())
                .param("line2", a.line2())
                .param("city", a.city())
                .param("postal", a.postalCode())
                .param("region", a.region())
                .param("country", a.country())
                .update();
    }

    List<UUID> activeIds(UUID orgId) {
        return jdbc.sql("SELECT id FROM locations WHERE org_id = :org AND archived_at IS NULL ORDER BY name")
                .param("org", orgId)
                .query(UUID.class)
                .list();
    }

    Optional<Locations.Place> place(UUID orgId, UUID id) {
        return jdbc.sql("SELECT name, timezone FROM locations WHERE org_id = :org AND id = :id")
                .param("org", orgId)
                .param("id", id)
                .query(Rows.of(Locations.Place.class))
                .optional();
    }

    Optional<LocationRow> find(UUID orgId, UUID id) {
        return jdbc.sql("SELECT * FROM locations WHERE org_id = :org AND id = :id AND archived_at IS NULL")
                .param("org", orgId)
                .param("id", id)
                .query(Rows.of(LocationRow.class))
                .optional();
    }

    List<LocationRow> page(UUID orgId, String q, String orderBy, int limit, long offset) {
        return jdbc.sql("""
                SELECT * FROM locations
                WHERE org_id = :org AND archived_at IS NULL
                  AND (CAST(:q AS text) IS NULL OR name ILIKE '%%' || CAST(:q AS text) || '%%')
                ORDER BY %s
                LIMIT :limit OFFSET :offset
                """.formatted(orderBy))
                .param("org", orgId)
                .param("q", q)
                .param("limit", limit)
                .param("offset", offset)
                .query(Rows.of(LocationRow.class))
                .list();
    }

    long count(UUID orgId, String q) {
        return jdbc.sql("""
                SELECT count(*) FROM locations
                WHERE org_id = :org AND archived_at IS NULL
                  AND (CAST(:q AS text) IS NULL OR name ILIKE '%' || CAST(:q AS text) || '%')
                """).param("org", orgId).param("q", q).query(Long.class).single();
    }

    boolean archive(UUID orgId, UUID id) {
        return jdbc.sql("""
                UPDATE locations SET archived_at = now() WHERE org_id = :org AND id = :id AND archived_at IS NULL
                """).param("org", orgId).param("id", id).update() == 1;
    }

    List<RoomRow> rooms(UUID orgId, Collection<UUID> locationIds) {
        if (locationIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                SELECT id, location_id, name, capacity FROM rooms
                WHERE org_id = :org AND location_id IN (:ids) AND archived_at IS NULL
                ORDER BY name, id
                """)
                .param("org", orgId)
                .param("ids", locationIds)
                .query(Rows.of(RoomRow.class))
                .list();
    }

    void insertRoom(UUID orgId, UUID locationId, UUID id, String name, int capacity) {
        jdbc.sql("""
                INSERT INTO rooms (id, org_id, location_id, name, capacity) VALUES (:id, :org, :loc, :name, :cap)
                """)
                .param("id", id)
                .param("org", orgId)
                .param("loc", locationId)
                .param("name", name)
                .param("cap", capacity)
                .update();
    }

    Optional<RoomRow> findRoom(UUID orgId, UUID locationId, UUID roomId) {
        return jdbc.sql("""
                SELECT id, location_id, name, capacity FROM rooms
                WHERE org_id = :org AND location_id = :loc AND id = :id AND archived_at IS NULL
                """)
                .param("org", orgId)
                .param("loc", locationId)
                .param("id", roomId)
                .query(Rows.of(RoomRow.class))
                .optional();
    }

    void updateRoom(UUID orgId, UUID roomId, String name, int capacity) {
        jdbc.sql("UPDATE rooms SET name = :name, capacity = :cap WHERE org_id = :org AND id = :id")
                .param("name", name)
                .param("cap", capacity)
                .param("org", orgId)
                .param("id", roomId)
                .update();
    }

    void archiveRoom(UUID orgId, UUID roomId) {
        jdbc.sql("UPDATE rooms SET archived_at = now() WHERE org_id = :org AND id = :id")
                .param("org", orgId)
                .param("id", roomId)
                .update();
    }
}
