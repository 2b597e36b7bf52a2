package io.wellbase.scheduling.internal.appointments;

import io.wellbase.audit.AuditChange;
import io.wellbase.audit.AuditRecord;
import io.wellbase.audit.AuditTrail;
import io.wellbase.organizations.Locations;
import io.wellbase.platform.data.Ids;
import io.wellbase.platform.web.ApiException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Services: 1:1 appointment types with duration, buffers, price, the staff who offer them and where.
 */
@Service
public class ServiceCatalog {

    private final JdbcClient jdbc;
    private final Locations locations;
    private final AuditTrail audit;

    ServiceCatalog(JdbcClient jdbc, Locations locations, AuditTrail audit) {
        this.jdbc = jdbc;
        this.locations = locations;
        this.audit = audit;
    }

    /** A service. */
    public record ServiceType(
            UUID id,
            String name,
            String description,
            int durationMinutes,
            int bufferBeforeMinutes,
            int bufferAfterMinutes,
            long priceAmount,
            String currency,
            boolean needsConfirmation,
            List<UUID> staffIds,
            List<UUID> locationIds) {}

    @Transactional
    public ServiceType create(UUID orgId, ServiceType s) {
        for (UUID staff : s.staffIds()) {
            if (!locations.isStaff(orgId, staff)) {
                throw ApiException.invalidField("staffIds", "must be staff members of this organization");
            }
        }
        for (UUID location : s.locationIds()) {
            locations
                    .find(orgId, location)
                    .orElseThrow(
                            () -> ApiException.invalidField("locationIds", "must be locations of this organization"));
        }
        UUID id = Ids.newId();
        jdbc.sql("""
                INSERT INTO services (id, org_id, name, description, duration_minutes, buffer_before_minutes,
                    buffer_after_minutes, price_amount, currency, needs_confirmation, staff_ids, location_ids)
                VALUES (:id, :org, :name, :description, :duration, :before, :after, :price, :currency, :confirm,
                    :staff, :locations)
                """)
                .param("id", id)
                .param("org", orgId)
                .param("name", s.name().trim())
                .param("description", s.description())
                .param("duration", s.durationMinutes())
                .param("before", s.bufferBeforeMinutes())
                .param("after", s.bufferAfterMinutes())
                .param("price", s.priceAmount())
                .param("currency", s.currency().toUpperCase())
                .param("confirm", s.needsConfirmation())
                .param("staff", s.staffIds().toArray(UUID[]::new))
                .param("locations", s.locationIds().toArray(UUID[]::new))
                .update();
        ServiceType created = get(orgId, id);
        audit.record(AuditRecord.of(
                orgId,
                "service.created",
                "service",
                id,
                AuditChange.created(Map.of("name", created.name(), "durationMinutes", created.durationMinutes()))));
        return created;
    }

    @Transactional(readOnly = true)
    ServiceType get(UUID orgId, UUID id) {
        return jdbc.sql("SELECT * FROM services WHERE org_id = :org AND id = :id AND archived_at IS NULL")
                .param("org", orgId)
                .param("id", id)
                .query((rs, n) -> service(rs))
                .optional()
                .orElseThrow(() -> ApiException.notFound("Service"));
    }

    @Transactional(readOnly = true)
    List<ServiceType> list(UUID orgId) {
        return jdbc.sql("SELECT * FROM services WHERE org_id = :org AND archived_at IS NULL ORDER BY name, id")
                .param("org", orgId)
                .query((rs, n) -> service(rs))
                .list();
    }

    @Transactional
    void archive(UUID orgId, UUID id) {
        get(orgId, id);
        jdbc.sql("UPDATE services SET archived_at = now() WHERE org_id = :org AND id = :id")
                .param("org", orgId)
                .param("id", id)
                .update();
        audit.record(AuditRecord.of(orgId, "service.archived", "service", id, Map.of()));
    }

    private static ServiceType service(ResultSet rs) throws SQLException {
        return new ServiceType(
                rs.getObject("id", UUID.class),
                rs.getString("name"),
                rs.getString("description"),
                rs.getInt("duration_minutes"),
                rs.getInt("buffer_before_minutes"),
                rs.getInt("buffer_after_minutes"),
                rs.getLong("price_amount"),
                rs.getString("currency"),
                rs.getBoolean("needs_confirmation"),
                Arrays.asList((UUID[]) rs.getArray("staff_ids").getArray()),
                Arrays.asList((UUID[]) rs.getArray("location_ids").getArray()));
    }
}
