package io.wellbase.care.internal.assessments;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.wellbase.audit.AuditChange;
import io.wellbase.audit.AuditRecord;
import io.wellbase.audit.AuditTrail;
import io.wellbase.care.internal.CareFields;
import io.wellbase.platform.data.Ids;
import io.wellbase.platform.plans.Feature;
import io.wellbase.platform.plans.RequiresFeature;
import io.wellbase.platform.security.Caller;
import io.wellbase.platform.security.Permission;
import io.wellbase.platform.security.RequiresPermission;
import io.wellbase.platform.web.ApiException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * An organization's own questionnaires ({@code care.manage}): items on one answer scale, reversed items, bands that
 * cover every possible total exactly once. Completed like the built-in instruments, at {@code POST
 * /api/v1/assessments}.
 */
@RestController
@RequiresFeature(Feature.CARE)
@Tag(name = "Care")
class QuestionnairesController {

    private static final Pattern BAND_CODE = Pattern.compile("[a-z0-9_]{1,40}");

    private final InstrumentCatalogue catalogue;
    private final AuditTrail audit;

    QuestionnairesController(InstrumentCatalogue catalogue, AuditTrail audit) {
        this.catalogue = catalogue;
        this.audit = audit;
    }

    record ItemBody(@Nullable String text, @Nullable Boolean reverse) {}

    record Body(
            @Nullable String code,
            @Nullable String name,
            @Nullable String prompt,
            @Nullable List<ItemBody> items,
            @Nullable List<Instrument.Option> options,
            @Nullable Integer multiplier,
            @Nullable List<Instrument.Band> bands) {}

    @PostMapping("/api/v1/assessments/questionnaires")
    @RequiresPermission(Permission.CARE_MANAGE)
    @Operation(
            summary =
                    "Add a questionnaire: items (text, reverse), one answer scale, multiplier, bands covering every total")
    ResponseEntity<Instrument> add(Caller caller, @RequestBody Body b) {
        UUID org = caller.requireOrganization();
        List<ApiException.FieldError> errors = new ArrayList<>();
        CareFields.code(b.code(), errors);
        CareFields.name(b.name(), 200, errors);
        if (b.prompt() != null && b.prompt().length() > 1000) {
            errors.add(new ApiException.FieldError("prompt", "at most 1,000 characters"));
        }
        List<Instrument.Item> items = new ArrayList<>();
        if (b.items() == null || b.items().isEmpty() || b.items().size() > 100) {
            errors.add(new ApiException.FieldError("items", "1 to 100 items"));
        } else {
            for (int i = 0; i < b.items().size(); i++) {
                ItemBody item = b.items().get(i);
                if (item == null
                        || item.text() == null
                        || item.text().isBlank()
                        || item.text().length() > 500) {
                    errors.add(new ApiException.FieldError("items[" + i + "].text", "1 to 500 characters"));
                } else {
                    items.add(
                            new Instrument.Item(i + 1, item.text().strip(), null, Boolean.TRUE.equals(item.reverse())));
                }
            }
        }
        List<Instrument.Option> options = b.options() == null ? List.of() : b.options();
        boolean scaleOk = options.size() >= 2 && options.size() <= 11;
        for (int i = 0; scaleOk && i < options.size(); i++) {
            Instrument.Option o = options.get(i);
            scaleOk = o != null
                    && o.label() != null
                    && !o.label().isBlank()
                    && o.label().length() <= 100
                    && o.value() >= 0
                    && o.value() <= 100
                    && (i == 0 || o.value() > options.get(i - 1).value());
        }
        if (!scaleOk) {
            errors.add(new ApiException.FieldError(
                    "options", "2 to 11 answers {value, label}, values from 0 to 100 rising from first to last"));
        }
        int multiplier = b.multiplier() == null ? 1 : b.multiplier();
        if (multiplier < 1 || multiplier > 100) {
            errors.add(new ApiException.FieldError("multiplier", "from 1 to 100"));
        }
        ApiException.throwIfInvalid(errors);
        Instrument draft = new Instrument(
                b.code(),
                b.name().strip(),
                b.prompt() == null ? "" : b.prompt(),
                null,
                null,
                items,
                options,
                multiplier,
                List.of(),
                "the organization's own",
                false);
        List<Instrument.Band> bands = b.bands() == null || b.bands().isEmpty()
                ? List.of(new Instrument.Band(draft.minTotal(), draft.maxTotal(), "scored", "Scored"))
                : bands(b.bands(), draft, errors);
        ApiException.throwIfInvalid(errors);
        Instrument questionnaire = new Instrument(
                draft.code(),
                draft.name(),
                draft.prompt(),
                null,
                null,
                items,
                options,
                multiplier,
                bands,
                draft.source(),
                false);
        if (!catalogue.add(org, Ids.newId(), questionnaire)) {
            throw ApiException.conflict("assessment.instrument_exists", "An instrument with this code exists");
        }
        audit.record(AuditRecord.of(
                org,
                "questionnaire.added",
                "questionnaire",
                questionnaire.code(),
                Map.of("items", new AuditChange(null, items.size()))));
        return ResponseEntity.status(HttpStatus.CREATED).body(questionnaire);
    }

    @DeleteMapping("/api/v1/assessments/questionnaires/{code}")
    @RequiresPermission(Permission.CARE_MANAGE)
    @Operation(summary = "Retire a questionnaire: no longer offered; assessments taken with it keep their bands")
    ResponseEntity<Void> retire(Caller caller, @PathVariable String code) {
        UUID org = caller.requireOrganization();
        if (!catalogue.retire(org, code)) {
            throw ApiException.notFound("Questionnaire");
        }
        audit.record(AuditRecord.of(org, "questionnaire.retired", "questionnaire", code, Map.of()));
        return ResponseEntity.noContent().build();
    }

    /** Bands sorted by their lower end, every possible total in exactly one (no gap, no overlap). */
    private static List<Instrument.Band> bands(
            List<Instrument.Band> given, Instrument draft, List<ApiException.FieldError> errors) {
        if (given.size() > 20
                || given.stream()
                        .anyMatch(x -> x == null
                                || x.code() == null
                                || !BAND_CODE.matcher(x.code()).matches()
                                || x.label() == null
                                || x.label().isBlank()
                                || x.min() > x.max())) {
            errors.add(new ApiException.FieldError(
                    "bands", "up to 20 bands {min, max, code (a-z, 0-9, _), label} with min ≤ max"));
            return List.of();
        }
        List<Instrument.Band> sorted = new ArrayList<>(given);
        sorted.sort(Comparator.comparingInt(Instrument.Band::min));
        int expected = draft.minTotal();
        for (Instrument.Band band : sorted) {
            if (band.min() != expected) {
                errors.add(new ApiException.FieldError(
                        "bands",
                        "must cover every total from " + draft.minTotal() + " to " + draft.maxTotal()
                                + " exactly once (" + expected + " is "
                                + (band.min() > expected ? "missing" : "in two bands") + ")"));
                return List.of();
            }
            expected = band.max() + 1;
        }
        if (expected != draft.maxTotal() + 1) {
            errors.add(new ApiException.FieldError("bands", "must reach the highest total, " + draft.maxTotal()));
            return List.of();
        }
        return List.copyOf(sorted);
    }
}
