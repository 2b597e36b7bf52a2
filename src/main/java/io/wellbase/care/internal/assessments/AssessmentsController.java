package io.wellbase.care.internal.assessments;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.wellbase.care.internal.CareDays;
import io.wellbase.care.internal.sharing.CareAccess;
import io.wellbase.care.internal.sharing.CareCategory;
import io.wellbase.platform.plans.Feature;
import io.wellbase.platform.plans.RequiresFeature;
import io.wellbase.platform.security.Caller;
import io.wellbase.platform.web.ApiException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The built-in instruments; a client's own assessments; a client's shared assessments for staff. */
@RestController
@RequiresFeature(Feature.CARE)
@Tag(name = "Care")
class AssessmentsController {

    private final TakeAssessment take;
    private final AssessmentStore store;
    private final CareAccess access;
    private final CareDays days;
    private final InstrumentCatalogue catalogue;

    AssessmentsController(
            TakeAssessment take,
            AssessmentStore store,
            CareAccess access,
            CareDays days,
            InstrumentCatalogue catalogue) {
        this.catalogue = catalogue;
        this.take = take;
        this.store = store;
        this.access = access;
        this.days = days;
    }

    record Request(@Nullable String instrument, @Nullable List<Integer> answers) {}

    record AssessmentView(
            UUID id,
            String instrument,
            int score,
            String band,
            String bandLabel,
            List<Integer> answers,
            OffsetDateTime takenAt,
            @Nullable Integer changeSinceLast,
            boolean selfHarmFlagged) {

        static AssessmentView of(AssessmentStore.Row r, Instrument instrument) {
            return new AssessmentView(
                    r.id(),
                    r.instrument(),
                    r.score(),
                    r.band(),
                    instrument.band(r.score()).label(),
                    r.answers(),
                    r.takenAt(),
                    r.changeSinceLast(),
                    r.selfHarmFlagged());
        }
    }

    record Completed(AssessmentView assessment, TakeAssessment.@Nullable Safety safety) {}

    @GetMapping("/api/v1/assessments/instruments")
    @Operation(
            summary = "The instruments: PHQ-9, GAD-7, WHO-5 (items, answer scale, scoring, bands, LOINC) and the"
                    + " organization's own questionnaires")
    Map<String, List<Instrument>> instruments(Caller caller) {
        return Map.of("data", catalogue.all(caller.requireOrganization()));
    }

    @PostMapping("/api/v1/assessments")
    @Operation(
            summary = "Complete an instrument (clients, for themselves): scored and banded; a PHQ-9 answer about"
                    + " self-harm opens an emergency support session and returns where to find help at once")
    ResponseEntity<Completed> complete(Caller caller, @RequestBody Request request) {
        UUID org = caller.requireOrganization();
        UUID client = access.self(caller);
        Instrument instrument = request.instrument() == null
                ? null
                : catalogue.active(org, request.instrument()).orElse(null);
        if (instrument == null) {
            throw ApiException.invalidField(
                    "instrument", "must be phq9, gad7, who5 or one of the organization's questionnaires");
        }
        List<Integer> answers = request.answers();
        if (answers == null || answers.size() != instrument.items().size()) {
            throw ApiException.invalidField(
                    "answers", "give " + instrument.items().size() + " answers, one per item in order");
        }
        for (int i = 0; i < answers.size(); i++) {
            Integer a = answers.get(i);
            if (a == null || a < instrument.minAnswer() || a > instrument.maxAnswer()) {
                throw ApiException.invalidField(
                        "answers[" + i + "]",
                        "must be between " + instrument.minAnswer() + " and " + instrument.maxAnswer());
            }
        }
        TakeAssessment.Taken taken =
                take.take(new TakeAssessment.Command(org, client, caller.userId(), instrument, List.copyOf(answers)));
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(new Completed(AssessmentView.of(taken.assessment(), instrument), taken.safety()));
    }

    @GetMapping("/api/v1/assessments")
    @Operation(summary = "The signed-in client's assessments, newest first, with the change since the previous one")
    Map<String, List<AssessmentView>> mine(
            Caller caller,
            @RequestParam(required = false) @Nullable String instrument,
            @RequestParam(required = false) @Nullable String from,
            @RequestParam(required = false) @Nullable String to,
            @RequestParam(defaultValue = "100") int limit) {
        return list(caller, access.self(caller), instrument, from, to, limit);
    }

    @GetMapping("/api/v1/clients/{id}/assessments")
    @Operation(summary = "A client's assessments for staff (care.read), only while the client shares them; audited")
    Map<String, List<AssessmentView>> ofClient(
            Caller caller,
            @PathVariable UUID id,
            @RequestParam(required = false) @Nullable String instrument,
            @RequestParam(required = false) @Nullable String from,
            @RequestParam(required = false) @Nullable String to,
            @RequestParam(defaultValue = "100") int limit) {
        return list(caller, access.readable(caller, id, CareCategory.ASSESSMENTS), instrument, from, to, limit);
    }

    private Map<String, List<AssessmentView>> list(
            Caller caller,
            UUID client,
            @Nullable String instrument,
            @Nullable String from,
            @Nullable String to,
            int limit) {
        UUID org = caller.requireOrganization();
        if (instrument != null && catalogue.of(org, instrument).isEmpty()) {
            throw ApiException.invalidField(
                    "instrument", "must be phq9, gad7, who5 or one of the organization's questionnaires");
        }
        if (limit < 1 || limit > 500) {
            throw ApiException.invalidField("limit", "must be between 1 and 500");
        }
        Map<String, Instrument> instruments = catalogue.everyByCode(org); // once, not once a row
        return Map.of(
                "data",
                store
                        .list(
                                org,
                                client,
                                instrument,
                                days.startOf(org, "from", from),
                                days.endOf(org, "to", to),
                                limit)
                        .stream()
                        .map(r -> AssessmentView.of(r, instruments.get(r.instrument())))
                        .toList());
    }
}
