package io.wellbase.care.internal.assessments;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;

/** The instruments an organization's clients may complete: the built-in ones, then the organization's own. */
@Component
class InstrumentCatalogue {

    private final JdbcClient jdbc;
    private final ObjectMapper json;

    InstrumentCatalogue(JdbcClient jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** The active ones, built in first. */
    List<Instrument> all(java.util.UUID org) {
        return Stream.concat(Instruments.ALL.stream(), own(org, true).stream()).toList();
    }

    /** Every instrument by code, built in and the organization's own, retired ones too (for past assessments). */
    java.util.Map<String, Instrument> everyByCode(UUID org) {
        java.util.Map<String, Instrument> byCode = new java.util.HashMap<>();
        Stream.concat(Instruments.ALL.stream(), own(org, false).stream()).forEach(i -> byCode.putIfAbsent(i.code(), i));
        return byCode;
    }

    /** The instrument with the code, built in or the organization's (also a retired one, for past assessments). */
    Optional<Instrument> of(UUID org, String code) {
        return Instruments.of(code)
                .or(() -> own(org, false).stream()
                        .filter(i -> i.code().equals(code))
                        .findFirst());
    }

    /** An active instrument with the code, to be completed now. */
    Optional<Instrument> active(UUID org, String code) {
        return Instruments.of(code)
                .or(() -> own(org, true).stream()
                        .filter(i -> i.code().equals(code))
                        .findFirst());
    }

    boolean add(UUID org, UUID id, Instrument i) {
        if (Instruments.of(i.code()).isPresent()) {
            return false;
        }
        return jdbc.sql("""
                INSERT INTO questionnaires (id, org_id, code, name, prompt, items, options, bands, multiplier)
                VALUES (:id, :org, :code, :name, :prompt, CAST(:items AS jsonb), CAST(:options AS jsonb),
                    CAST(:bands AS jsonb), :multiplier)
                ON CONFLICT (org_id, code) DO NOTHING
                """)
                        .param("id", id)
                        .param("org", org)
                        .param("code", i.code())
                        .param("name", i.name())
                        .param("prompt", i.prompt())
                        .param("items", json.writeValueAsString(i.items()))
                        .param("options", json.writeValueAsString(i.options()))
                        .param("bands", json.writeValueAsString(i.bands()))
                        .param("multiplier", i.multiplier())
                        .update()
                == 1;
    }

    boolean retire(UUID org, String code) {
        return jdbc.sql("UPDATE questionnaires SET active = false WHERE org_id = :org AND code = :code AND active")
                        .param("org", org)
                        .param("code", code)
                        .update()
                == 1;
    }

    private List<Instrument> own(UUID org, boolean activeOnly) {
        return jdbc.sql(
                        "SELECT * FROM questionnaires WHERE org_id = :org AND (active OR NOT :activeOnly) ORDER BY name, code")
                .param("org", org)
                .param("activeOnly", activeOnly)
                .query((rs, n) -> new Instrument(
                        rs.getString("code"),
                        rs.getString("name"),
                        rs.getString("prompt") == null ? "" : rs.getString("prompt"),
                        null,
                        null,
                        json.readValue(rs.getString("items"), new TypeReference<List<Instrument.Item>>() {}),
                        json.readValue(rs.getString("options"), new TypeReference<List<Instrument.Option>>() {}),
                        rs.getInt("multiplier"),
                        json.readValue(rs.getString("bands"), new TypeReference<List<Instrument.Band>>() {}),
                        "the organization's own",
                        false))
                .list();
    }
}
