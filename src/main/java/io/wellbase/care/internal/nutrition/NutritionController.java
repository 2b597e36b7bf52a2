package io.wellbase.care.internal.nutrition;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.wellbase.audit.AuditChange;
import io.wellbase.audit.AuditRecord;
import io.wellbase.audit.AuditTrail;
import io.wellbase.care.internal.CareDays;
import io.wellbase.care.internal.sharing.CareAccess;
import io.wellbase.care.internal.sharing.CareCategory;
import io.wellbase.platform.data.Ids;
import io.wellbase.platform.plans.Feature;
import io.wellbase.platform.plans.RequiresFeature;
import io.wellbase.platform.security.Caller;
import io.wellbase.platform.web.ApiException;
import io.wellbase.platform.web.RequestDates;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * A client's food diary: entries by hand or from the food database, a MyFitnessPal export imported, daily summaries;
 * a coach (care.read) reads them while the client shares nutrition.
 */
@RestController
@RequiresFeature(Feature.CARE)
@Tag(name = "Care")
class NutritionController {

    static final Set<String> MEALS = Set.of("breakfast", "lunch", "dinner", "snack");
    static final long MAX_FILE = 5L * 1024 * 1024;

    private final FoodStore store;
    private final FoodDatabase foods;
    private final CareAccess access;
    private final CareDays days;
    private final AuditTrail audit;

    NutritionController(FoodStore store, FoodDatabase foods, CareAccess access, CareDays days, AuditTrail audit) {
        this.store = store;
        this.foods = foods;
        this.access = access;
        this.days = days;
        this.audit = audit;
    }

    record EntryBody(
            @Nullable String day,
            @Nullable String meal,
            @Nullable String food,
            @Nullable String quantity,
            @Nullable BigDecimal calories,
            @Nullable BigDecimal protein,
            @Nullable BigDecimal carbs,
            @Nullable BigDecimal fat,
            @Nullable String fatsecretFoodId,
            @Nullable String servingId,
            @Nullable BigDecimal servings) {}

    record Imported(int imported, List<String> warnings) {}

    record Day(
            LocalDate day,
            int entries,
            BigDecimal calories,
            BigDecimal protein,
            BigDecimal carbs,
            BigDecimal fat,
            Map<String, BigDecimal> caloriesByMeal) {}

    record Summary(
            LocalDate from,
            LocalDate to,
            List<Day> days,
            @Nullable BigDecimal averageCalories) {}

    @PostMapping("/api/v1/nutrition/entries")
    @Operation(
            summary =
                    "Add a food diary entry: by hand, or {fatsecretFoodId, servingId?, servings} from the food database")
    ResponseEntity<FoodStore.Entry> add(Caller caller, @RequestBody EntryBody b) {
        UUID org = caller.requireOrganization();
        UUID client = access.self(caller);
        List<ApiException.FieldError> errors = new ArrayList<>();
        LocalDate day = RequestDates.date("day", b.day(), days.today(org));
        if (day.isAfter(days.today(org).plusDays(1))
                || day.isBefore(days.today(org).minusYears(5))) {
            errors.add(new ApiException.FieldError("day", "must lie within the last five years"));
        }
        if (b.meal() == null || !MEALS.contains(b.meal())) {
            errors.add(new ApiException.FieldError("meal", "breakfast, lunch, dinner or snack"));
        }
        FoodStore.Entry entry;
        if (b.fatsecretFoodId() != null) {
            entry = fromDatabase(b, day, errors);
        } else {
            if (b.food() == null || b.food().isBlank() || b.food().length() > 300) {
                errors.add(new ApiException.FieldError("food", "1 to 300 characters"));
            }
            for (var f : List.of(
                    Map.entry("calories", nz(b.calories())),
                    Map.entry("protein", nz(b.protein())),
                    Map.entry("carbs", nz(b.carbs())),
                    Map.entry("fat", nz(b.fat())))) {
                if (f.getValue().signum() < 0 || f.getValue().compareTo(BigDecimal.valueOf(100_000)) > 0) {
                    errors.add(new ApiException.FieldError(f.getKey(), "from 0 to 100000"));
                }
            }
            entry = new FoodStore.Entry(
                    Ids.newId(),
                    day,
                    b.meal(),
                    b.food() == null ? "" : b.food().strip(),
                    b.quantity(),
                    b.calories(),
                    b.protein(),
                    b.carbs(),
                    b.fat(),
                    "manual",
                    null,
                    null);
        }
        ApiException.throwIfInvalid(errors);
        store.upsert(org, client, entry);
        return ResponseEntity.created(URI.create("/api/v1/nutrition/entries/" + entry.id()))
                .body(entry);
    }

    private FoodStore.Entry fromDatabase(EntryBody b, LocalDate day, List<ApiException.FieldError> errors) {
        if (!foods.configured()) {
            throw ApiException.unprocessable("nutrition.no_food_database", "No food database is configured");
        }
        BigDecimal servings = b.servings() == null ? BigDecimal.ONE : b.servings();
        if (servings.signum() <= 0 || servings.compareTo(BigDecimal.valueOf(100)) > 0) {
            errors.add(new ApiException.FieldError("servings", "more than 0 and at most 100"));
            servings = BigDecimal.ONE;
        }
        FoodDatabase.Answer<FoodDatabase.Food> answer = foods.food(b.fatsecretFoodId());
        FoodDatabase.Food food = switch (answer) {
            case FoodDatabase.Answer.Ok<FoodDatabase.Food> ok -> ok.value();
            case FoodDatabase.Answer.NotFound<FoodDatabase.Food> nf -> {
                errors.add(new ApiException.FieldError("fatsecretFoodId", "no such food"));
                yield null;
            }
            case FoodDatabase.Answer.Unavailable<FoodDatabase.Food> u ->
                throw new ApiException(HttpStatus.BAD_GATEWAY, "nutrition.food_database_unavailable", u.reason());
        };
        if (food == null) {
            return null;
        }
        FoodDatabase.Serving serving = food.servings().stream()
                .filter(s -> b.servingId() == null || s.id().equals(b.servingId()))
                .findFirst()
                .orElse(null);
        if (serving == null) {
            errors.add(new ApiException.FieldError("servingId", "not a serving of this food"));
            return null;
        }
        BigDecimal n = servings;
        return new FoodStore.Entry(
                Ids.newId(),
                day,
                b.meal(),
                food.name(),
                n.stripTrailingZeros().toPlainString() + " × " + serving.description(),
                times(serving.calories(), n),
                times(serving.protein(), n),
                times(serving.carbs(), n),
                times(serving.fat(), n),
                "fatsecret",
                null,
                null);
    }

    @GetMapping("/api/v1/nutrition/foods")
    @Operation(summary = "Search the food database (FatSecret, when configured) for foods and their nutrition")
    Map<String, List<FoodDatabase.Found>> search(Caller caller, @RequestParam String q) {
        caller.requireOrganization();
        if (q.isBlank() || q.length() > 100) {
            throw ApiException.invalidField("q", "1 to 100 characters");
        }
        if (!foods.configured()) {
            throw ApiException.unprocessable("nutrition.no_food_database", "No food database is configured");
        }
        return switch (foods.search(q.strip(), 20)) {
            case FoodDatabase.Answer.Ok<List<FoodDatabase.Found>> ok -> Map.of("data", ok.value());
            case FoodDatabase.Answer.NotFound<List<FoodDatabase.Found>> nf -> Map.of("data", List.of());
            case FoodDatabase.Answer.Unavailable<List<FoodDatabase.Found>> u ->
                throw new ApiException(HttpStatus.BAD_GATEWAY, "nutrition.food_database_unavailable", u.reason());
        };
    }

    @PostMapping(value = "/api/v1/nutrition/import/myfitnesspal", consumes = "multipart/form-data")
    @Transactional
    @Operation(
            summary =
                    "Import a MyFitnessPal export (CSV, UTF-8 or UTF-16); importing the same rows again replaces them")
    Imported importExport(Caller caller, @RequestPart("file") MultipartFile file) throws IOException {
        UUID org = caller.requireOrganization();
        UUID client = access.self(caller);
        if (file.isEmpty() || file.getSize() > MAX_FILE) {
            throw ApiException.invalidField("file", "a CSV of at most 5 MB");
        }
        MyFitnessPalExport.Read read;
        try {
            read = MyFitnessPalExport.read(file.getBytes());
        } catch (MyFitnessPalExport.Unreadable e) {
            throw ApiException.invalidField("file", e.getMessage());
        }
        for (MyFitnessPalExport.Row r : read.rows()) {
            store.upsert(
                    org,
                    client,
                    new FoodStore.Entry(
                            Ids.newId(),
                            r.day(),
                            r.meal(),
                            r.food(),
                            null,
                            r.calories(),
                            r.protein(),
                            r.carbs(),
                            r.fat(),
                            "myfitnesspal",
                            r.key(),
                            null));
        }
        audit.record(AuditRecord.of(
                org,
                "nutrition.imported",
                "client",
                client,
                Map.of("rows", new AuditChange(null, read.rows().size()))));
        return new Imported(read.rows().size(), read.warnings());
    }

    @DeleteMapping("/api/v1/nutrition/entries/{id}")
    @Operation(summary = "Delete one of your diary entries")
    ResponseEntity<Void> delete(Caller caller, @PathVariable UUID id) {
        if (!store.delete(caller.requireOrganization(), access.self(caller), id)) {
            throw ApiException.notFound("Diary entry");
        }
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/api/v1/nutrition/entries")
    @Operation(summary = "Your diary entries between two days (default the last 7)")
    Map<String, List<FoodStore.Entry>> entries(
            Caller caller,
            @RequestParam(required = false) @Nullable String from,
            @RequestParam(required = false) @Nullable String to) {
        UUID org = caller.requireOrganization();
        LocalDate[] range = range(org, from, to);
        return Map.of("data", store.between(org, access.self(caller), range[0], range[1]));
    }

    @GetMapping("/api/v1/nutrition/summary")
    @Operation(summary = "Your daily totals (calories, protein, carbs, fat; calories by meal) and the average")
    Summary summary(
            Caller caller,
            @RequestParam(required = false) @Nullable String from,
            @RequestParam(required = false) @Nullable String to) {
        return summary(caller.requireOrganization(), access.self(caller), from, to);
    }

    @GetMapping("/api/v1/clients/{id}/nutrition/entries")
    @Operation(summary = "A client's diary for their coach (care.read), only while the client shares nutrition")
    Map<String, List<FoodStore.Entry>> entriesOfClient(
            Caller caller,
            @PathVariable UUID id,
            @RequestParam(required = false) @Nullable String from,
            @RequestParam(required = false) @Nullable String to) {
        UUID org = caller.requireOrganization();
        UUID client = access.readable(caller, id, CareCategory.NUTRITION);
        LocalDate[] range = range(org, from, to);
        return Map.of("data", store.between(org, client, range[0], range[1]));
    }

    @GetMapping("/api/v1/clients/{id}/nutrition/summary")
    @Operation(summary = "A client's daily totals for their coach (care.read), only while the client shares nutrition")
    Summary summaryOfClient(
            Caller caller,
            @PathVariable UUID id,
            @RequestParam(required = false) @Nullable String from,
            @RequestParam(required = false) @Nullable String to) {
        UUID org = caller.requireOrganization();
        return summary(org, access.readable(caller, id, CareCategory.NUTRITION), from, to);
    }

    private Summary summary(UUID org, UUID client, @Nullable String from, @Nullable String to) {
        LocalDate[] range = range(org, from, to);
        Map<LocalDate, List<FoodStore.Entry>> byDay = new java.util.TreeMap<>();
        store.between(org, client, range[0], range[1])
                .forEach(e ->
                        byDay.computeIfAbsent(e.day(), d -> new ArrayList<>()).add(e));
        List<Day> out = new ArrayList<>();
        byDay.forEach((day, entries) -> {
            Map<String, BigDecimal> byMeal = new java.util.TreeMap<>();
            entries.forEach(e -> byMeal.merge(e.meal(), nz(e.calories()), BigDecimal::add));
            out.add(new Day(
                    day,
                    entries.size(),
                    sum(entries, FoodStore.Entry::calories),
                    sum(entries, FoodStore.Entry::protein),
                    sum(entries, FoodStore.Entry::carbs),
                    sum(entries, FoodStore.Entry::fat),
                    byMeal));
        });
        BigDecimal average = out.isEmpty()
                ? null
                : out.stream()
                        .map(Day::calories)
                        .reduce(BigDecimal.ZERO, BigDecimal::add)
                        .divide(BigDecimal.valueOf(out.size()), 1, RoundingMode.HALF_UP);
        return new Summary(range[0], range[1], out, average);
    }

    private LocalDate[] range(UUID org, @Nullable String from, @Nullable String to) {
        LocalDate last = RequestDates.date("to", to, days.today(org));
        LocalDate first = RequestDates.date("from", from, last.minusDays(6));
        if (first.isAfter(last) || ChronoUnit.DAYS.between(first, last) > 366) {
            throw ApiException.invalidField("from", "on or before to, and at most a year before it");
        }
        return new LocalDate[] {first, last};
    }

    private static BigDecimal sum(
            List<FoodStore.Entry> entries, java.util.function.Function<FoodStore.Entry, BigDecimal> f) {
        return entries.stream().map(f).map(NutritionController::nz).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private static BigDecimal nz(@Nullable BigDecimal v) {
        return v == null ? BigDecimal.ZERO : v;
    }

    private static @Nullable BigDecimal times(@Nullable BigDecimal v, BigDecimal n) {
        return v == null ? null : v.multiply(n).setScale(1, RoundingMode.HALF_UP);
    }
}
