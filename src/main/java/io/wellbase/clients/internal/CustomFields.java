package io.wellbase.clients.internal;

import io.wellbase.audit.AuditChange;
import io.wellbase.audit.AuditRecord;
import io.wellbase.audit.AuditTrail;
import io.wellbase.platform.data.Ids;
import io.wellbase.platform.web.ApiException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.ObjectMapper;

/**
 * Custom client fields defined per organization, and the check of a client's values against them:
 * unknown keys, wrong types, options not in a select list and missing required fields are 400s.
 */
@Service
class CustomFields {

    private final JdbcClient jdbc;
    private final ObjectMapper json;
    private final AuditTrail audit;

    CustomFields(JdbcClient jdbc, ObjectMapper json, AuditTrail audit) {
        this.jdbc = jdbc;
        this.json = json;
        this.audit = audit;
    }

    /** A field definition. */
    record Definition(UUID id, String key, String label, String type, List<String> options, boolean required) {}

    @Transactional(readOnly = true)
    List<Definition> definitions(UUID orgId) {
        return jdbc.sql(
                        "SELECT id, key, label, type, options::text, required FROM client_field_definitions WHERE org_id = :org ORDER BY key")
                .param("org", orgId)
                .query((rs, n) -> new Definition(
                        rs.getObject(1, UUID.class),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        readList(rs.getString(5)),
                        rs.getBoolean(6)))
                .list();
    }

    @Transactional
    Definition define(UUID orgId, Definition d) {
        if (!d.key().matches("[a-z][a-z0-9_]{0,49}")) {
            throw ApiException.invalidField(
                    "key", "must be lower case letters, digits and _ (up to 50), starting with a letter");
        }
        if ("select".equals(d.type()) && (d.options() == null || d.options().isEmpty())) {
            throw ApiException.invalidField("options", "a select field needs at least one option");
        }
        if (definitions(orgId).stream().anyMatch(x -> x.key().equals(d.key()))) {
            throw ApiException.conflict("client_field.key_taken", "A field with this key already exists");
        }
        UUID id = Ids.newId();
        jdbc.sql("""
                INSERT INTO client_field_definitions (id, org_id, key, label, type, options, required)
                VALUES (:id, :org, :key, :label, :type, CAST(:options AS jsonb), :required)
                """)
                .param("id", id)
                .param("org", orgId)
                .param("key", d.key())
                .param("label", d.label())
                .param("type", d.type())
                .param("options", json.writeValueAsString(d.options() == null ? List.of() : d.options()))
                .param("required", d.required())
                .update();
        audit.record(AuditRecord.of(
                orgId,
                "client_field.created",
                "client_field",
                id,
                AuditChange.created(Map.of("key", d.key(), "type", d.type()))));
        return new Definition(
                id, d.key(), d.label(), d.type(), d.options() == null ? List.of() : d.options(), d.required());
    }

    @Transactional
    void delete(UUID orgId, UUID id) {
        if (jdbc.sql("DELETE FROM client_field_definitions WHERE org_id = :org AND id = :id")
                        .param("org", orgId)
                        .param("id", id)
                        .update()
                == 0) {
            throw ApiException.notFound("Client field");
        }
        audit.record(AuditRecord.of(orgId, "client_field.deleted", "client_field", id, Map.of()));
    }

    /** The stored values whose field is still defined (a deleted definition drops its values on change). */
    Map<String, Object> retainDefined(UUID orgId, Map<String, Object> values) {
        var keys = definitions(orgId).stream().map(Definition::key).collect(java.util.stream.Collectors.toSet());
        Map<String, Object> kept = new LinkedHashMap<>(values);
        kept.keySet().retainAll(keys);
        return kept;
    }

    /** Checks and normalises a client's custom values against the definitions. */
    Map<String, Object> validate(UUID orgId, Map<String, Object> values) {
        Map<String, Definition> byKey = new LinkedHashMap<>();
        definitions(orgId).forEach(d -> byKey.put(d.key(), d));
        Map<String, Object> clean = new LinkedHashMap<>();
        Map<String, Object> given = values == null ? Map.of() : values;
        for (var entry : given.entrySet()) {
            Definition d = byKey.get(entry.getKey());
            String field = "customFields." + entry.getKey();
            if (d == null) {
                throw ApiException.invalidField(field, "is not a defined client field");
            }
            Object value = entry.getValue();
            if (value == null) {
                continue;
            }
            clean.put(
                    d.key(),
                    switch (d.type()) {
                        case "number" -> {
                            if (!(value instanceof Number)) {
                                throw ApiException.invalidField(field, "must be a number");
                            }
                            yield value;
                        }
                        case "boolean" -> {
                            if (!(value instanceof Boolean)) {
                                throw ApiException.invalidField(field, "must be true or false");
                            }
                            yield value;
                        }
                        case "date" -> {
                            try {
                                yield LocalDate.parse(String.valueOf(value)).toString();
                            } catch (DateTimeParseException e) {
                                throw ApiException.invalidField(field, "must be a date YYYY-MM-DD");
                            }
                        }
                        case "select" -> {
                            if (!d.options().contains(String.valueOf(value))) {
                                throw ApiException.invalidField(
                                        field, "must be one of " + String.join(", ", d.options()));
                            }
                            yield String.valueOf(value);
                        }
                        default -> {
                            String text = String.valueOf(value);
                            if (text.length() > 2000) {
                                throw ApiException.invalidField(field, "must be at most 2000 characters");
                            }
                            yield text;
                        }
                    });
        }
        for (Definition d : byKey.values()) {
            if (d.required() && !clean.containsKey(d.key())) {
                throw ApiException.invalidField("customFields." + d.key(), "is required");
            }
        }
        return clean;
    }

    @SuppressWarnings("unchecked")
    private List<String> readList(String text) {
        return json.readValue(text, List.class);
    }
}
