package io.wellbase.care.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.wellbase.audit.AuditChange;
import io.wellbase.audit.AuditRecord;
import io.wellbase.audit.AuditTrail;
import io.wellbase.care.internal.assessments.AssessmentStore;
import io.wellbase.care.internal.mood.MoodStore;
import io.wellbase.care.internal.sharing.CareAccess;
import io.wellbase.platform.csv.CsvOutput;
import io.wellbase.platform.security.Caller;
import io.wellbase.platform.web.ApiException;
import java.io.ByteArrayOutputStream;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** A client takes away or deletes all of their own care data. */
@RestController
@Tag(name = "Care")
class CareDataController {

    private final CareData data;
    private final CareAccess access;
    private final AuditTrail audit;

    CareDataController(CareData data, CareAccess access, AuditTrail audit) {
        this.data = data;
        this.access = access;
        this.audit = audit;
    }

    @GetMapping("/api/v1/care/export")
    @Operation(summary = "All of your care data: JSON (sharing, assessments, moods) or CSV (one row per record)")
    ResponseEntity<?> export(Caller caller, @RequestParam(defaultValue = "json") String format) {
        UUID org = caller.requireOrganization();
        UUID client = access.self(caller);
        if (!format.equals("json") && !format.equals("csv")) {
            throw ApiException.invalidField("format", "must be json or csv");
        }
        CareData.Everything everything = data.of(org, client);
        audit.record(AuditRecord.of(
                org, "care.exported", "client", client, Map.of("format", new AuditChange(null, format))));
        if (format.equals("json")) {
            return ResponseEntity.ok(everything);
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (CsvOutput csv = CsvOutput.to(bytes)) {
            csv.row("record", "at", "date", "value", "instrument", "band", "answers", "emotions", "note", "factors");
            for (AssessmentStore.Row a : everything.assessments()) {
                csv.row(
                        "assessment",
                        a.takenAt().toString(),
                        a.takenAt().toLocalDate().toString(),
                        String.valueOf(a.score()),
                        a.instrument(),
                        a.band(),
                        a.answers().stream().map(String::valueOf).collect(Collectors.joining(" ")),
                        null,
                        null,
                        null);
            }
            for (MoodStore.Entry m : everything.moods()) {
                csv.row(
                        "mood",
                        m.occurredAt().toString(),
                        m.date().toString(),
                        String.valueOf(m.mood()),
                        null,
                        null,
                        null,
                        String.join("; ", m.emotions()),
                        m.note(),
                        m.factors().toString());
            }
            for (io.wellbase.care.internal.breathing.BreathingStore.Session b : everything.breathing()) {
                csv.row(
                        "breathing",
                        b.completedAt().toString(),
                        b.date().toString(),
                        String.valueOf(b.durationSeconds()),
                        b.technique(),
                        null,
                        null,
                        null,
                        null,
                        null);
            }
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(CsvOutput.CONTENT_TYPE))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"care-data.csv\"")
                .body(bytes.toByteArray());
    }

    @DeleteMapping("/api/v1/care/data")
    @Operation(summary = "Delete all of your care data (mood entries, assessments, sharing choices); not undoable")
    CareData.Deleted delete(Caller caller) {
        UUID org = caller.requireOrganization();
        UUID client = access.self(caller);
        CareData.Deleted deleted = data.delete(org, client);
        audit.record(AuditRecord.of(
                org,
                "care.data_deleted",
                "client",
                client,
                Map.of(
                        "assessments", new AuditChange(deleted.assessments(), 0),
                        "moods", new AuditChange(deleted.moods(), 0),
                        "breathingSessions", new AuditChange(deleted.breathingSessions(), 0),
                        "foodEntries", new AuditChange(deleted.foodEntries(), 0))));
        return deleted;
    }
}
