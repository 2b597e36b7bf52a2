package io.wellbase.insights;

import static org.assertj.core.api.Assertions.assertThat;

import io.wellbase.dataexchange.ImportTest;
import io.wellbase.support.Api;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;

/**
 * The semantic layer over a studio seeded through the importer: every figure is computed again here from the
 * rows written to the files (never from the database or the insights code), and the attendance report of the
 * same range gives the same figures.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AnalyticsIntegrationTests extends ImportTest {

    private static final LocalDate START = LocalDate.of(2026, 1, 1);
    private static final int DAYS = 59; // January and February
    private static final int CAPACITY = 20; // an imported class's places

    /** One generated visit: a class on a day with its client and outcome. */
    record Visit(LocalDate day, String classType, String location, String instructor, String client, String outcome) {}

    record Sale(LocalDate day, long cents, boolean card) {}

    record Membership(String client, LocalDate starts, LocalDate ends) {}

    private Owner owner;
    private final List<Visit> visits = new ArrayList<>();
    private final List<Sale> sales = new ArrayList<>();
    private final List<Membership> memberships = List.of(
            new Membership("C-1", LocalDate.parse("2025-10-01"), LocalDate.parse("2026-12-31")),
            new Membership("C-2", LocalDate.parse("2025-11-01"), LocalDate.parse("2026-01-31")),
            new Membership("C-3", LocalDate.parse("2026-02-01"), LocalDate.parse("2026-02-28")),
            new Membership("C-4", LocalDate.parse("2026-01-15"), LocalDate.parse("2026-12-31")),
            new Membership("C-5", LocalDate.parse("2025-12-01"), LocalDate.parse("2026-01-31")),
            new Membership("C-5", LocalDate.parse("2026-02-01"), LocalDate.parse("2026-12-31")));
    private final Map<String, LocalDate> joined = new LinkedHashMap<>();

    @BeforeAll
    void seed() {
        api = new Api(port);
        owner = ownerWithOrganization("Analytics Studio");
        StringBuilder clients = new StringBuilder("Client ID,First Name,Last Name,Email,Join Date,Birth Date\n");
        for (int i = 1; i <= 12; i++) {
            LocalDate join = i <= 9 ? LocalDate.parse("2025-09-01") : START.plusDays(10L * (i - 9));
            joined.put("C-" + i, join);
            clients.append("C-%d,Client%d,Test,c%d@example.test,%s,%s\n"
                    .formatted(i, i, i, join, LocalDate.of(1960 + 3 * i, 5, 5)));
        }
        load("clients", clients.toString());
        load("staff", "First Name,Last Name,Role\nMaya,Lind,Teacher\nOmar,Reed,Teacher\n");
        StringBuilder file = new StringBuilder(
                "Visit ID,Client ID,Visit Date,Visit Time,Class Name,Staff,Location,Late Cancel,No Show\n");
        for (int d = 0; d < DAYS; d++) {
            LocalDate day = START.plusDays(d);
            for (int k = 0; k <= d % 4 + 1; k++) {
                String outcome = k == 1 && d % 5 == 0 ? "late" : k == 2 && d % 7 == 0 ? "noshow" : "attended";
                Visit v = new Visit(
                        day,
                        d % 2 == 0 ? "Flow" : "Barre",
                        d % 3 == 0 ? "South" : "North",
                        d % 2 == 0 ? "Maya Lind" : "Omar Reed",
                        "C-" + ((d + k) % 12 + 1),
                        outcome);
                visits.add(v);
                file.append("V-%d-%d,%s,%s,18:00,%s,%s,%s,%s,%s\n"
                        .formatted(
                                d,
                                k,
                                v.client(),
                                day,
                                v.classType(),
                                v.instructor(),
                                v.location(),
                                outcome.equals("late") ? "Yes" : "No",
                                outcome.equals("noshow") ? "Yes" : "No"));
            }
        }
        load("visits", file.toString());
        StringBuilder saleFile = new StringBuilder("Sale ID,Sale Date,Client ID,Item name,Amount,Payment Method\n");
        for (int i = 0; i < 20; i++) {
            Sale s = new Sale(LocalDate.of(2026, 1 + i % 3, 10), 1500 + i * 100L, i % 2 == 0);
            sales.add(s);
            saleFile.append("S-%d,%s,C-%d,Drop-in,%d.00,%s\n"
                    .formatted(i, s.day(), i % 12 + 1, s.cents() / 100, s.card() ? "Visa" : "Cash"));
        }
        load("sales", saleFile.toString());
        StringBuilder m = new StringBuilder("Membership ID,Client ID,Membership,Start Date,End Date\n");
        for (int i = 0; i < memberships.size(); i++) {
            Membership ms = memberships.get(i);
            m.append("K-%d,%s,Unlimited,%s,%s\n".formatted(i, ms.client(), ms.starts(), ms.ends()));
        }
        load("memberships", m.toString());
    }

    private void load(String kind, String csv) {
        JsonNode job =
                importAndWait(owner.token(), kind, kind + ".csv", csv.getBytes(StandardCharsets.UTF_8), Map.of());
        assertThat(job.path("status").asString()).as(job.toString()).isEqualTo("completed");
        assertThat(count(job, "failed")).as(kind + " " + job).isZero();
    }

    private JsonNode query(String token, Map<String, Object> spec) {
        Api.Response r = api.post("/api/v1/analytics/query", spec, token);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.json();
    }

    private static Map<String, Object> spec(List<String> metrics, List<String> dimensions, String from, String to) {
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("metrics", metrics);
        spec.put("dimensions", dimensions);
        spec.put("timeRange", Map.of("from", from, "to", to));
        return spec;
    }

    private long visits(Predicate<Visit> which) {
        return visits.stream().filter(which).count();
    }

    private static boolean attended(Visit v) {
        return v.outcome().equals("attended");
    }

    @Test
    void visitsByClassTypeAndWeekEqualTheRowsWritten() {
        JsonNode result = query(
                owner.token(), spec(List.of("visits", "noShows"), List.of("classType"), "2026-01-01", "2026-01-31"));
        Map<String, Long> visitsByType = new TreeMap<>();
        Map<String, Long> noShowsByType = new TreeMap<>();
        for (JsonNode row : result.path("rows")) {
            visitsByType.put(
                    row.path("classType").asString(), row.path("visits").asLong());
            noShowsByType.put(
                    row.path("classType").asString(), row.path("noShows").asLong());
            assertThat(row.path("classTypeId").asString()).hasSize(36);
        }
        Predicate<Visit> january = v -> v.day().getMonthValue() == 1;
        assertThat(visitsByType)
                .isEqualTo(visits.stream()
                        .filter(january.and(AnalyticsIntegrationTests::attended))
                        .collect(Collectors.groupingBy(Visit::classType, TreeMap::new, Collectors.counting())));
        assertThat(noShowsByType.values().stream().mapToLong(Long::longValue).sum())
                .isEqualTo(visits(january.and(v -> v.outcome().equals("noshow"))));
        // sorted by the first metric, largest first, when no time dimension is asked for
        assertThat(result.path("rows").get(0).path("visits").asLong())
                .isGreaterThanOrEqualTo(
                        result.path("rows").get(1).path("visits").asLong());
        assertThat(result.path("columns").get(1).path("unit").asString()).isEqualTo("count");

        JsonNode weekly = query(owner.token(), spec(List.of("visits"), List.of("week"), "2026-01-05", "2026-02-22"));
        assertThat(weekly.path("rows")).hasSize(7);
        for (JsonNode row : weekly.path("rows")) {
            LocalDate monday = LocalDate.parse(row.path("week").asString());
            assertThat(monday.getDayOfWeek()).isEqualTo(java.time.DayOfWeek.MONDAY);
            assertThat(row.path("visits").asLong())
                    .as("week of " + monday)
                    .isEqualTo(visits(v ->
                            attended(v) && !v.day().isBefore(monday) && v.day().isBefore(monday.plusDays(7))));
        }
    }

    @Test
    void fillRateByLocationIsPlacesTakenOverPlacesOffered() {
        JsonNode result = query(
                owner.token(),
                spec(List.of("fillRate", "classes", "placesTaken"), List.of("location"), "2026-01-01", "2026-02-28"));
        assertThat(result.path("rows")).hasSize(2);
        for (JsonNode row : result.path("rows")) {
            String location = row.path("location").asString();
            long classes = java.util.stream.IntStream.range(0, DAYS)
                    .filter(d -> (d % 3 == 0 ? "South" : "North").equals(location))
                    .count();
            long taken =
                    visits(v -> v.location().equals(location) && !v.outcome().equals("late"));
            assertThat(row.path("classes").asLong()).isEqualTo(classes);
            assertThat(row.path("placesTaken").asLong()).isEqualTo(taken);
            assertThat(row.path("fillRate").decimalValue()).isEqualByComparingTo(percent(taken, classes * CAPACITY));
        }
    }

    @Test
    void filtersByNameOrIdAndByWeekday() {
        Map<String, Object> spec = spec(List.of("visits"), List.of("instructor"), "2026-01-01", "2026-02-28");
        spec.put("filters", Map.of("classType", List.of("flow"), "weekday", List.of("monday", "Tue")));
        JsonNode result = query(owner.token(), spec);
        assertThat(result.path("rows")).hasSize(1);
        assertThat(result.path("rows").get(0).path("instructor").asString()).isEqualTo("Maya Lind");
        assertThat(result.path("rows").get(0).path("visits").asLong())
                .isEqualTo(visits(v -> attended(v)
                        && v.classType().equals("Flow")
                        && Set.of(java.time.DayOfWeek.MONDAY, java.time.DayOfWeek.TUESDAY)
                                .contains(v.day().getDayOfWeek())));
        String locationId = query(
                        owner.token(), spec(List.of("visits"), List.of("location"), "2026-01-01", "2026-01-31"))
                .path("rows")
                .valueStream()
                .filter(r -> r.path("location").asString().equals("South"))
                .findFirst()
                .orElseThrow()
                .path("locationId")
                .asString();
        Map<String, Object> byId = spec(List.of("visits"), List.of(), "2026-01-01", "2026-01-31");
        byId.put("filters", Map.of("location", List.of(locationId)));
        assertThat(query(owner.token(), byId).path("rows").get(0).path("visits").asLong())
                .isEqualTo(visits(v ->
                        attended(v) && v.location().equals("South") && v.day().getMonthValue() == 1));
    }

    @Test
    void monthlySeriesHasEveryMonthAndMatchesTheWrittenRows() {
        Api.Response r = api.get(
                "/api/v1/analytics/timeseries?metric=visits&interval=month&from=2025-11-01&to=2026-03-31",
                owner.token());
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        List<String> months = new ArrayList<>();
        Map<String, Long> values = new HashMap<>();
        for (JsonNode row : r.json().path("rows")) {
            months.add(row.path("month").asString());
            values.put(row.path("month").asString(), row.path("visits").asLong());
        }
        assertThat(months).containsExactly("2025-11-01", "2025-12-01", "2026-01-01", "2026-02-01", "2026-03-01");
        assertThat(values.get("2025-12-01")).isZero();
        assertThat(values.get("2026-02-01"))
                .isEqualTo(visits(v -> attended(v) && v.day().getMonthValue() == 2));

        Api.Response split = api.get(
                "/api/v1/analytics/timeseries?metric=lateCancels&interval=week&groupBy=location&from=2026-01-01&to=2026-01-31",
                owner.token());
        assertThat(split.status()).as(split.toString()).isEqualTo(200);
        long total = split.json()
                .path("rows")
                .valueStream()
                .mapToLong(x -> x.path("lateCancels").asLong())
                .sum();
        assertThat(total)
                .isEqualTo(visits(v -> v.outcome().equals("late") && v.day().getMonthValue() == 1));
    }

    @Test
    void revenueMembersAndNewClientsEqualTheRowsWritten() {
        JsonNode result = query(
                owner.token(),
                spec(
                        List.of("revenue", "activeMembers", "churnedMembers", "newClients"),
                        List.of("month"),
                        "2026-01-01",
                        "2026-03-31"));
        assertThat(result.path("currency").asString()).hasSize(3);
        assertThat(result.path("rows")).hasSize(3);
        for (JsonNode row : result.path("rows")) {
            LocalDate first = LocalDate.parse(row.path("month").asString());
            LocalDate last = first.withDayOfMonth(first.lengthOfMonth());
            assertThat(row.path("revenue").asLong())
                    .as("revenue in " + first)
                    .isEqualTo(sales.stream()
                            .filter(s -> s.day().getMonth() == first.getMonth())
                            .mapToLong(Sale::cents)
                            .sum());
            Set<String> active = new TreeSet<>();
            for (Membership m : memberships) {
                if (!m.starts().isAfter(last) && !m.ends().isBefore(first)) {
                    active.add(m.client());
                }
            }
            assertThat(row.path("activeMembers").asLong())
                    .as("active in " + first)
                    .isEqualTo(active.size());
            Set<String> left = new TreeSet<>();
            for (Membership m : memberships) {
                boolean renewed = memberships.stream()
                        .anyMatch(n -> n != m
                                && n.client().equals(m.client())
                                && !n.starts().isAfter(m.ends().plusDays(7))
                                && n.ends().isAfter(m.ends()));
                if (!renewed && !m.ends().isBefore(first) && !m.ends().isAfter(last)) {
                    left.add(m.client());
                }
            }
            assertThat(row.path("churnedMembers").asLong())
                    .as("left in " + first)
                    .isEqualTo(left.size());
            assertThat(row.path("newClients").asLong())
                    .as("joined in " + first)
                    .isEqualTo(joined.values().stream()
                            .filter(d -> !d.isBefore(first) && !d.isAfter(last))
                            .count());
        }
        Map<String, Object> byMethod = spec(List.of("revenue"), List.of("paymentMethod"), "2026-01-01", "2026-03-31");
        Map<String, Long> methods = new TreeMap<>();
        query(owner.token(), byMethod)
                .path("rows")
                .forEach(row -> methods.put(
                        row.path("paymentMethod").asString(),
                        row.path("revenue").asLong()));
        assertThat(methods.get("cash"))
                .isEqualTo(sales.stream()
                        .filter(s -> !s.card())
                        .mapToLong(Sale::cents)
                        .sum());
        assertThat(methods.values().stream().mapToLong(Long::longValue).sum())
                .isEqualTo(sales.stream().mapToLong(Sale::cents).sum());
    }

    @Test
    void summaryHasThePreviousPeriodBesideEachFigure() {
        Api.Response r = api.get("/api/v1/analytics/summary?from=2026-02-01&to=2026-02-28", owner.token());
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(r.field("previousFrom")).isEqualTo("2026-01-04");
        assertThat(r.field("previousTo")).isEqualTo("2026-01-31");
        JsonNode kpi = kpi(r.json(), "visits");
        long now = visits(v -> attended(v) && v.day().getMonthValue() == 2);
        long before = visits(v -> attended(v)
                && !v.day().isBefore(LocalDate.parse("2026-01-04"))
                && v.day().getMonthValue() == 1);
        assertThat(kpi.path("value").asLong()).isEqualTo(now);
        assertThat(kpi.path("previous").asLong()).isEqualTo(before);
        assertThat(kpi.path("changePercent").decimalValue())
                .isEqualByComparingTo(BigDecimal.valueOf((now - before) * 100)
                        .divide(BigDecimal.valueOf(before), 1, RoundingMode.HALF_UP));
        assertThat(kpi(r.json(), "revenue").path("unit").asString()).isEqualTo("money");
    }

    @Test
    void theAttendanceReportAndAnalyticsGiveTheSameFigures() {
        JsonNode report = report("attendance_summary", "2026-01-01", "2026-02-28");
        JsonNode summary = api.get("/api/v1/analytics/summary?from=2026-01-01&to=2026-02-28", owner.token())
                .json();
        assertThat(kpi(summary, "visits").path("value").asLong())
                .isEqualTo(report.path("kpis").path("visits").asLong());
        assertThat(kpi(summary, "uniqueVisitors").path("value").asLong())
                .isEqualTo(report.path("kpis").path("uniqueClients").asLong());
        assertThat(kpi(summary, "lateCancels").path("value").asLong())
                .isEqualTo(report.path("kpis").path("lateCancels").asLong());
        assertThat(kpi(summary, "noShows").path("value").asLong())
                .isEqualTo(report.path("kpis").path("noShows").asLong());
        assertThat(kpi(summary, "classes").path("value").asLong())
                .isEqualTo(report.path("kpis").path("sessions").asLong());
        assertThat(kpi(summary, "fillRate").path("value").decimalValue())
                .isEqualByComparingTo(report.path("kpis").path("fillRate").decimalValue());
    }

    @Test
    void theRollupsGiveTheSameAnswersAsTheRows() throws InterruptedException {
        for (int i = 0; i < 100 && rollupsThrough() == null; i++) {
            Thread.sleep(100); // the import's completion rebuilds them, after its commit
        }
        assertThat(rollupsThrough()).as("rollups built after the imports").isNotNull();
        List<Map<String, Object>> specs = new ArrayList<>();
        List<String> all = List.of(
                "visits",
                "bookings",
                "placesTaken",
                "lateCancels",
                "noShows",
                "waitlisted",
                "classes",
                "capacity",
                "fillRate",
                "noShowRate");
        specs.add(spec(all, List.of("month"), "2026-01-01", "2026-02-28"));
        specs.add(spec(all, List.of("weekday", "hour"), "2026-01-01", "2026-02-28"));
        specs.add(spec(all, List.of("classType", "instructor"), "2026-01-10", "2026-02-20"));
        specs.add(
                spec(List.of("visits", "uniqueVisitors", "fillRate"), List.of("location"), "2026-01-01", "2026-02-28"));
        specs.add(spec(all, List.of("month", "location"), "2026-01-01", "2026-02-28"));
        Map<String, Object> south = spec(all, List.of("weekday"), "2026-01-05", "2026-02-25");
        south.put("filters", Map.of("location", List.of("south")));
        specs.add(south);
        Map<String, Object> filtered = spec(all, List.of("week"), "2026-01-01", "2026-02-28");
        filtered.put(
                "filters",
                Map.of("classType", List.of("flow"), "location", List.of("north"), "weekday", List.of("mon", "fri")));
        specs.add(filtered);
        List<JsonNode> fromRollups =
                specs.stream().map(s -> query(owner.token(), s).path("rows")).toList();
        String through = jdbc.sql("SELECT complete_through::text FROM insight_rollup_state WHERE org_id = :org")
                .param("org", owner.orgId())
                .query(String.class)
                .single();
        long rolled = jdbc.sql("SELECT count(*) FROM insight_daily_attendance WHERE org_id = :org")
                .param("org", owner.orgId())
                .query(Long.class)
                .single();
        assertThat(rolled).isPositive();
        jdbc.sql("DELETE FROM insight_rollup_state WHERE org_id = :org")
                .param("org", owner.orgId())
                .update();
        try {
            for (int i = 0; i < specs.size(); i++) {
                assertThat(query(owner.token(), specs.get(i)).path("rows"))
                        .as("spec " + specs.get(i))
                        .isEqualTo(fromRollups.get(i));
            }
        } finally {
            jdbc.sql(
                            "INSERT INTO insight_rollup_state (org_id, complete_through, rebuilt_at) VALUES (:org, CAST(:t AS date), now())")
                    .param("org", owner.orgId())
                    .param("t", through)
                    .update();
        }
        Api.Response rebuilt = api.post("/api/v1/analytics/rollups/rebuild", Map.of(), owner.token());
        assertThat(rebuilt.status()).as(rebuilt.toString()).isEqualTo(200);
        assertThat(rebuilt.field("completeThrough")).isEqualTo(through);
    }

    private String rollupsThrough() {
        return jdbc.sql("SELECT complete_through::text FROM insight_rollup_state WHERE org_id = :org")
                .param("org", owner.orgId())
                .query(String.class)
                .optional()
                .orElse(null);
    }

    @Test
    void cohortsByFirstVisitEqualTheRowsWritten() {
        Api.Response r = api.get("/api/v1/analytics/retention?from=2026-01&to=2026-02", owner.token());
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        Map<String, LocalDate> first = new TreeMap<>();
        Map<String, Set<Integer>> months = new TreeMap<>();
        for (Visit v : visits) {
            if (attended(v)) {
                first.merge(v.client(), v.day(), (a, b) -> a.isBefore(b) ? a : b);
                months.computeIfAbsent(v.client(), c -> new TreeSet<>())
                        .add(v.day().getMonthValue());
            }
        }
        JsonNode january = r.json().path("cohorts").get(0);
        assertThat(january.path("month").asString()).isEqualTo("2026-01-01");
        List<String> cohort = first.entrySet().stream()
                .filter(e -> e.getValue().getMonthValue() == 1)
                .map(Map.Entry::getKey)
                .toList();
        assertThat(january.path("clients").asLong()).isEqualTo(cohort.size());
        long cameInFebruary =
                cohort.stream().filter(c -> months.get(c).contains(2)).count();
        assertThat(january.path("retained").get(0).decimalValue()).isEqualByComparingTo("100.0");
        assertThat(january.path("retained").get(1).decimalValue())
                .isEqualByComparingTo(percent(cameInFebruary, cohort.size()));

        Api.Response teachers = api.get("/api/v1/analytics/instructors?from=2026-01-01&to=2026-02-28", owner.token());
        assertThat(teachers.status()).as(teachers.toString()).isEqualTo(200);
        for (JsonNode row : teachers.json().path("rows")) {
            String name = row.path("instructor").asString();
            assertThat(row.path("visits").asLong())
                    .as(name)
                    .isEqualTo(visits(v -> attended(v) && v.instructor().equals(name)));
        }
        assertThat(api.get("/api/v1/analytics/classes", owner.token()).status()).isEqualTo(200);
        assertThat(api.get("/api/v1/analytics/retention?from=nonsense", owner.token())
                        .status())
                .isEqualTo(400);
    }

    @Test
    void aQueryTheLayerCannotAnswerIsRefusedWithEveryReason() {
        Map<String, Object> bad =
                spec(List.of("visits", "revenue", "nonsense"), List.of("instructor"), "2026-01-01", "2025-01-01");
        bad.put("limit", 0);
        Api.Response r = api.post("/api/v1/analytics/query", bad, owner.token());
        assertThat(r.status()).as(r.toString()).isEqualTo(400);
        assertThat(r.field("code")).isEqualTo("validation_failed");
        List<String> reasons = r.json()
                .path("errors")
                .valueStream()
                .map(e -> e.path("field").asString() + ": " + e.path("message").asString())
                .toList();
        assertThat(reasons)
                .contains(
                        "metrics: unknown metric 'nonsense'",
                        "dimensions: revenue cannot be split by instructor",
                        "timeRange.to: must not be before from",
                        "limit: must be between 1 and 10000");
        Map<String, Object> twoTimes = spec(List.of("visits"), List.of("day", "month"), "2026-01-01", "2026-01-31");
        assertThat(api.post("/api/v1/analytics/query", twoTimes, owner.token()).status())
                .isEqualTo(400);
        Map<String, Object> hostile = spec(List.of("visits"), List.of(), "2026-01-01", "2026-01-31");
        hostile.put("filters", Map.of("classType", List.of("x') OR 1=1 --")));
        Api.Response injected = api.post("/api/v1/analytics/query", hostile, owner.token());
        assertThat(injected.status()).isEqualTo(200);
        assertThat(injected.json().path("rows").get(0).path("visits").asLong()).isZero();
        assertThat(api.get("/api/v1/analytics/timeseries?metric=visits&interval=year", owner.token())
                        .status())
                .isEqualTo(400);
        Api.Response broad = api.post(
                "/api/v1/analytics/query",
                spec(List.of("activeMembers"), List.of("day"), "2025-01-01", "2026-12-31"),
                owner.token());
        assertThat(broad.status()).as(broad.toString()).isEqualTo(422);
        assertThat(broad.field("code")).isEqualTo("insights.query_too_broad");
    }

    @Test
    void frontDeskSeesVisitsButNotMoney() {
        Member desk = memberWithRole(owner, "front_desk");
        assertThat(query(desk.token(), spec(List.of("visits"), List.of(), "2026-01-01", "2026-01-31"))
                        .path("rows")
                        .get(0)
                        .path("visits")
                        .asLong())
                .isEqualTo(visits(v -> attended(v) && v.day().getMonthValue() == 1));
        for (String money : List.of("revenue", "netRevenue", "revenuePerMember", "refunds")) {
            Api.Response r = api.post(
                    "/api/v1/analytics/query",
                    spec(List.of(money), List.of(), "2026-01-01", "2026-01-31"),
                    desk.token());
            assertThat(r.status()).as(money).isEqualTo(403);
            assertThat(r.field("code")).isEqualTo("auth.forbidden");
        }
        JsonNode summary = api.get("/api/v1/analytics/summary?from=2026-01-01&to=2026-01-31", desk.token())
                .json();
        assertThat(summary.path("kpis").valueStream().map(k -> k.path("metric").asString()))
                .contains("visits")
                .doesNotContain("revenue", "refunds", "netRevenue");
        Api.Response home = api.get("/api/v1/home/summary", desk.token());
        assertThat(home.status()).as(home.toString()).isEqualTo(200);
        assertThat(home.json().path("revenue").isObject()).as(home.toString()).isFalse();
        assertThat(home.json().path("activeMembers").isNumber()).isTrue();
        assertThat(api.get("/api/v1/home/summary", owner.token())
                        .json()
                        .path("revenue")
                        .isObject())
                .isTrue();
    }

    @Test
    void anotherOrganizationSeesNoneOfThis() {
        Owner other = ownerWithOrganization("Elsewhere");
        JsonNode result = query(
                other.token(),
                spec(List.of("visits", "revenue", "activeMembers"), List.of(), "2025-01-01", "2026-12-31"));
        assertThat(result.path("rows").get(0).path("visits").asLong()).isZero();
        assertThat(result.path("rows").get(0).path("revenue").asLong()).isZero();
        assertThat(result.path("rows").get(0).path("activeMembers").asLong()).isZero();
    }

    @Test
    void exportsAnyQueryAsCsvOrJson() {
        Api.Response csv = api.get(
                "/api/v1/analytics/export?format=csv&metrics=visits,noShows&dimensions=location&from=2026-01-01&to=2026-01-31&filter.classType=Flow",
                owner.token());
        assertThat(csv.status()).as(csv.toString()).isEqualTo(200);
        List<String> lines = csv.text().lines().toList();
        assertThat(lines.get(0).replace("\uFEFF", "")).isEqualTo("location,visits,noShows");
        assertThat(lines).hasSize(3);
        long sum = lines.stream()
                .skip(1)
                .mapToLong(l -> Long.parseLong(l.split(",")[1]))
                .sum();
        assertThat(sum)
                .isEqualTo(visits(v ->
                        attended(v) && v.classType().equals("Flow") && v.day().getMonthValue() == 1));
        Api.Response json = api.get(
                "/api/v1/analytics/export?format=json&metrics=visits&from=2026-01-01&to=2026-01-31", owner.token());
        assertThat(json.status()).isEqualTo(200);
        assertThat(json.json().path("rows").get(0).path("visits").asLong())
                .isEqualTo(visits(v -> attended(v) && v.day().getMonthValue() == 1));
        assertThat(jdbc.sql("SELECT count(*) FROM audit_log WHERE org_id = :org AND action = 'analytics.exported'")
                        .param("org", owner.orgId())
                        .query(Long.class)
                        .single())
                .isGreaterThanOrEqualTo(2);
    }

    @Test
    void theRevenueReportAndAnalyticsGiveTheSameFigures() {
        JsonNode report = report("revenue_summary", "2026-01-01", "2026-02-28");
        JsonNode total = query(
                        owner.token(),
                        spec(List.of("revenue", "refunds", "netRevenue"), List.of(), "2026-01-01", "2026-02-28"))
                .path("rows")
                .get(0);
        assertThat(major(total.path("revenue")))
                .isEqualByComparingTo(report.path("kpis").path("gross").decimalValue());
        assertThat(major(total.path("refunds")))
                .isEqualByComparingTo(report.path("kpis").path("refunds").decimalValue());
        assertThat(major(total.path("netRevenue")))
                .isEqualByComparingTo(report.path("kpis").path("net").decimalValue());
        Map<String, BigDecimal> layerByMonth = new TreeMap<>();
        query(owner.token(), spec(List.of("revenue"), List.of("month"), "2026-01-01", "2026-02-28"))
                .path("rows")
                .forEach(r -> layerByMonth.put(r.path("month").asString().substring(0, 7), major(r.path("revenue"))));
        Map<String, BigDecimal> reportByMonth = new TreeMap<>();
        report.path("tables")
                .path("byMonth")
                .forEach(r -> reportByMonth.put(
                        r.path("month").asString(),
                        r.path("revenue").decimalValue().setScale(2)));
        assertThat(layerByMonth).isEqualTo(reportByMonth);
        Map<String, BigDecimal> layerByMethod = new TreeMap<>();
        query(owner.token(), spec(List.of("revenue"), List.of("paymentMethod"), "2026-01-01", "2026-02-28"))
                .path("rows")
                .forEach(r -> layerByMethod.put(r.path("paymentMethod").asString(), major(r.path("revenue"))));
        Map<String, BigDecimal> reportByMethod = new TreeMap<>();
        report.path("tables")
                .path("byPaymentMethod")
                .forEach(r -> reportByMethod.put(
                        r.path("paymentMethod").asString(),
                        r.path("revenue").decimalValue().setScale(2)));
        assertThat(layerByMethod).isEqualTo(reportByMethod);
    }

    @Test
    void theInstructorReportAndAnalyticsGiveTheSameFigures() {
        JsonNode report = report("instructor_utilization", "2026-01-01", "2026-02-28");
        Map<String, JsonNode> layer = new TreeMap<>();
        query(
                        owner.token(),
                        spec(
                                List.of(
                                        "classes",
                                        "capacity",
                                        "placesTaken",
                                        "fillRate",
                                        "visits",
                                        "noShows",
                                        "lateCancels"),
                                List.of("instructor"),
                                "2026-01-01",
                                "2026-02-28"))
                .path("rows")
                .forEach(r -> layer.put(r.path("instructor").asString(), r));
        assertThat(report.path("tables").path("byInstructor")).hasSize(layer.size());
        for (JsonNode row : report.path("tables").path("byInstructor")) {
            JsonNode l = layer.get(row.path("instructor").asString());
            assertThat(l).as("the layer's row for " + row).isNotNull();
            assertThat(l.path("classes").asLong())
                    .isEqualTo(row.path("sessions").asLong());
            assertThat(l.path("capacity").asLong())
                    .isEqualTo(row.path("capacity").asLong());
            assertThat(l.path("placesTaken").asLong())
                    .isEqualTo(row.path("seatsTaken").asLong());
            assertThat(l.path("fillRate").decimalValue())
                    .isEqualByComparingTo(row.path("fillRate").decimalValue());
            assertThat(l.path("visits").asLong()).isEqualTo(row.path("visits").asLong());
            assertThat(l.path("noShows").asLong()).isEqualTo(row.path("noShows").asLong());
            assertThat(l.path("lateCancels").asLong())
                    .isEqualTo(row.path("lateCancels").asLong());
        }
        JsonNode all = query(owner.token(), spec(List.of("classes", "fillRate"), List.of(), "2026-01-01", "2026-02-28"))
                .path("rows")
                .get(0);
        assertThat(all.path("classes").asLong())
                .isEqualTo(report.path("kpis").path("sessions").asLong());
        assertThat(all.path("fillRate").decimalValue())
                .isEqualByComparingTo(report.path("kpis").path("fillRate").decimalValue());
    }

    @Test
    void theRetentionReportAndAnalyticsGiveTheSameFigures() {
        JsonNode report = report("membership_retention", "2026-01-01", "2026-02-28");
        for (JsonNode month : report.path("tables").path("byMonth")) {
            LocalDate first = LocalDate.parse(month.path("month").asString() + "-01");
            LocalDate last = first.withDayOfMonth(first.lengthOfMonth());
            JsonNode inMonth = query(
                            owner.token(),
                            spec(
                                    List.of("newMemberships", "churnedMembers"),
                                    List.of(),
                                    first.toString(),
                                    last.toString()))
                    .path("rows")
                    .get(0);
            assertThat(inMonth.path("newMemberships").asLong())
                    .as("new in " + first)
                    .isEqualTo(month.path("new").asLong());
            assertThat(inMonth.path("churnedMembers").asLong())
                    .as("left in " + first)
                    .isEqualTo(month.path("churned").asLong());
            JsonNode onTheFirst = query(
                            owner.token(),
                            spec(List.of("activeMembers"), List.of(), first.toString(), first.toString()))
                    .path("rows")
                    .get(0);
            assertThat(onTheFirst.path("activeMembers").asLong())
                    .as("members on " + first)
                    .isEqualTo(month.path("active").asLong());
        }
        JsonNode atEnd = query(owner.token(), spec(List.of("activeMembers"), List.of(), "2026-02-28", "2026-02-28"))
                .path("rows")
                .get(0);
        assertThat(atEnd.path("activeMembers").asLong())
                .isEqualTo(report.path("kpis").path("activeAtEnd").asLong());
    }

    /** A layer money figure (minor units) in major units, as the reports show money. */
    private static BigDecimal major(JsonNode minor) {
        return BigDecimal.valueOf(minor.asLong(), 2);
    }

    /** A report run through the reports API as JSON, downloaded once it is ready. */
    private JsonNode report(String type, String from, String to) {
        Api.Response requested = api.post(
                "/api/v1/reports",
                Map.of(
                        "reportType",
                        type,
                        "format",
                        "json",
                        "filters",
                        Map.of("dateRange", Map.of("from", from, "to", to))),
                owner.token());
        assertThat(requested.status()).as(requested.toString()).isEqualTo(202);
        JsonNode job = null;
        for (int i = 0; i < 300 && job == null; i++) {
            Api.Response status = api.get("/api/v1/reports/" + requested.field("reportId"), owner.token());
            if (!status.field("status").equals("processing")) {
                job = status.json();
            } else {
                sleep();
            }
        }
        assertThat(job).as("report " + type + " finished").isNotNull();
        assertThat(job.path("status").asString()).as(job.toString()).isEqualTo("completed");
        return api.json(Api.download(job.path("downloadUrl").asString()).body());
    }

    private static JsonNode kpi(JsonNode summary, String metric) {
        return summary.path("kpis")
                .valueStream()
                .filter(k -> k.path("metric").asString().equals(metric))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no kpi " + metric + " in " + summary));
    }

    private static BigDecimal percent(long part, long whole) {
        return BigDecimal.valueOf(part * 100).divide(BigDecimal.valueOf(whole), 1, RoundingMode.HALF_UP);
    }

    private static void sleep() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
