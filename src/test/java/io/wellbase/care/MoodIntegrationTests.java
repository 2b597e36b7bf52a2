package io.wellbase.care;

import static org.assertj.core.api.Assertions.assertThat;

import io.wellbase.support.Api;
import io.wellbase.support.OrganizationTest;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Mood entries through HTTP: written, changed and deleted by their client only, bad input refused with every
 * field named and nothing stored; the statistics and the factor insights (exercise recorded by the client,
 * classes attended from the studio's own attendance) equal a computation made here from the entries written.
 */
class MoodIntegrationTests extends OrganizationTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    private record Client(UUID id, String token) {}

    private record Written(LocalDate day, int mood, Boolean exercise) {}

    private Client client(Owner owner, String name) {
        String email = uniqueEmail(name);
        UUID id = api.post(
                        "/api/v1/clients", Map.of("firstName", name, "lastName", "Mood", "email", email), owner.token())
                .id();
        return new Client(id, portalToken(owner, id, email));
    }

    @Test
    void entriesAreTheClientsOwnAndBadInputChangesNothing() {
        Owner owner = ownerWithOrganization("Mood Studio");
        Client eva = client(owner, "Eva");
        Client finn = client(owner, "Finn");
        Api.Response created = api.post(
                "/api/v1/moods",
                Map.of(
                        "mood",
                        4,
                        "emotions",
                        List.of("calm", "grateful"),
                        "note",
                        "Slept well",
                        "occurredAt",
                        "2026-11-20T08:30:00-05:00",
                        "weather",
                        "sunny",
                        "factors",
                        Map.of("sleepHours", 7.5, "exercise", true)),
                eva.token());
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.field("date")).as("the day where the client was").isEqualTo("2026-11-20");
        String id = created.field("id");

        Api.Response bad = api.post(
                "/api/v1/moods",
                Map.of(
                        "mood",
                        6,
                        "occurredAt",
                        "yesterday",
                        "factors",
                        Map.of("sleepHours", 30, "classAttended", true, "bad key", 1)),
                eva.token());
        assertThat(bad.status()).isEqualTo(400);
        assertThat(invalidFields(bad))
                .containsExactlyInAnyOrder(
                        "mood", "occurredAt", "factors.sleepHours", "factors.classAttended", "factors.bad key");
        assertThat(api.post("/api/v1/moods", Map.of("mood", 3), owner.token()).status())
                .as("staff do not write a client's mood")
                .isEqualTo(403);

        Api.Response patched = api.patch("/api/v1/moods/" + id, Map.of("note", "Slept very well"), eva.token());
        assertThat(patched.status()).as(patched.toString()).isEqualTo(200);
        assertThat(patched.field("note")).isEqualTo("Slept very well");
        assertThat(patched.json().path("mood").asInt()).as("kept").isEqualTo(4);
        assertThat(patched.field("date")).as("kept in the client's own offset").isEqualTo("2026-11-20");
        assertThat(api.patch("/api/v1/moods/" + id, Map.of("mood", 0), eva.token())
                        .status())
                .isEqualTo(400);
        assertThat(api.get("/api/v1/moods", eva.token())
                        .json()
                        .path("data")
                        .get(0)
                        .path("mood")
                        .asInt())
                .isEqualTo(4);

        assertThat(api.patch("/api/v1/moods/" + id, Map.of("note", "mine now"), finn.token())
                        .status())
                .isEqualTo(404);
        assertThat(api.delete("/api/v1/moods/" + id, finn.token()).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/moods", finn.token()).json().path("data")).isEmpty();
        assertThat(api.delete("/api/v1/moods/" + id, eva.token()).status()).isEqualTo(204);
        assertThat(api.delete("/api/v1/moods/" + id, eva.token()).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/moods/stats?from=2026-11-01&to=2025-11-01", eva.token())
                        .status())
                .isEqualTo(400);
        Api.Response noDatabase = api.get("/api/v1/nutrition/foods?q=banana", eva.token());
        assertThat(noDatabase.status()).as("no food database configured here").isEqualTo(422);
        assertThat(noDatabase.field("code")).isEqualTo("nutrition.no_food_database");
    }

    @Test
    void statisticsAndInsightsEqualTheEntriesWritten() {
        Owner owner = ownerWithOrganization("Mood Insight Studio");
        Client gia = client(owner, "Gia");
        LocalDate today = LocalDate.now(BERLIN);
        LocalDate first = today.minusDays(40);
        List<Written> written = new ArrayList<>();
        Set<LocalDate> classDays = new TreeSet<>();
        for (int i = 0; i < 40; i++) {
            if (i % 7 == 3) {
                continue; // a day without an entry
            }
            LocalDate day = first.plusDays(i);
            boolean exercise = i % 3 == 0;
            int mood = exercise ? 4 + i % 2 : 2 + i % 2;
            Map<String, Object> factors = new LinkedHashMap<>();
            factors.put("exercise", exercise);
            if (i == 5 || i == 11) {
                factors.put("caffeine", 2);
            }
            write(gia, day, 9, mood, factors);
            written.add(new Written(day, mood, exercise));
            if (i % 5 == 0) {
                write(gia, day, 20, 3, Map.of());
                written.add(new Written(day, 3, null));
            }
            if (i % 4 == 1) {
                classDays.add(day);
            }
        }
        attended(owner.orgId(), gia.id(), classDays);
        LocalDate last = today.minusDays(1);
        String range = "?from=" + first + "&to=" + last;

        JsonNode stats = api.get("/api/v1/moods/stats" + range, gia.token()).json();
        assertThat(stats.path("entries").asInt()).isEqualTo(written.size());
        double average = written.stream().mapToInt(Written::mood).average().orElseThrow();
        assertThat(stats.path("average").asDouble()).isEqualTo(round(average));
        for (int m = 1; m <= 5; m++) {
            int mood = m;
            assertThat(stats.path("distribution").path(String.valueOf(m)).asInt())
                    .as("mood " + m)
                    .isEqualTo(written.stream().filter(w -> w.mood() == mood).count());
        }
        Map<LocalDate, List<Integer>> byDay = new TreeMap<>();
        written.forEach(
                w -> byDay.computeIfAbsent(w.day(), d -> new ArrayList<>()).add(w.mood()));
        assertThat(stats.path("days").asInt()).isEqualTo(byDay.size());
        int longest = 0;
        int run = 0;
        LocalDate previous = null;
        for (LocalDate d : byDay.keySet()) {
            run = previous != null && previous.plusDays(1).equals(d) ? run + 1 : 1;
            longest = Math.max(longest, run);
            previous = d;
        }
        assertThat(stats.path("streaks").path("longest").asInt()).isEqualTo(longest);
        assertThat(stats.path("streaks").path("current").asInt())
                .as("ends yesterday")
                .isEqualTo(run);
        Map<String, List<Integer>> weekdays = new HashMap<>();
        written.forEach(w -> weekdays.computeIfAbsent(
                        w.day().getDayOfWeek().name().toLowerCase(Locale.ROOT), k -> new ArrayList<>())
                .add(w.mood()));
        for (JsonNode g : stats.path("byWeekday")) {
            List<Integer> moods = weekdays.get(g.path("key").asString());
            assertThat(g.path("entries").asInt()).isEqualTo(moods.size());
            assertThat(g.path("average").asDouble())
                    .isEqualTo(round(
                            moods.stream().mapToInt(Integer::intValue).average().orElseThrow()));
        }
        assertThat(stats.path("byWeekday")).hasSize(weekdays.size());
        JsonNode daily = stats.path("daily");
        assertThat(daily).hasSize(byDay.size());
        assertThat(daily.get(0).path("average").asDouble()).isEqualTo(round(mean(byDay.get(first))));

        JsonNode insights =
                api.get("/api/v1/moods/insights" + range, gia.token()).json();
        Map<LocalDate, Double> dayMood = new TreeMap<>();
        byDay.forEach((d, moods) -> dayMood.put(d, mean(moods)));
        List<Double> exerciseDays = new ArrayList<>();
        List<Double> restDays = new ArrayList<>();
        written.stream()
                .filter(w -> w.exercise() != null)
                .forEach(w -> (w.exercise() ? exerciseDays : restDays).add(dayMood.get(w.day())));
        expectFactor(insights, "exercise", exerciseDays, restDays, true);
        List<Double> withClass = new ArrayList<>();
        List<Double> withoutClass = new ArrayList<>();
        dayMood.forEach((d, m) -> (classDays.contains(d) ? withClass : withoutClass).add(m));
        expectFactor(insights, "classAttended", withClass, withoutClass, null);
        assertThat(insights.path("notEnoughData").findValuesAsString("factor")).contains("caffeine");
        assertThat(insights.path("factors").get(0).path("factor").asString())
                .as("the largest difference first")
                .isEqualTo("exercise");
        assertThat(insights.path("factors").get(0).path("sentence").asString())
                .startsWith("Your mood averages")
                .contains("higher on days you exercise");
    }

    @Test
    void staffSeeMoodOnlyWhileItIsShared() {
        Owner owner = ownerWithOrganization("Mood Consent Studio");
        Client hal = client(owner, "Hal");
        write(hal, LocalDate.now(BERLIN).minusDays(1), 10, 2, Map.of());
        Member coach = memberWithRole(owner, "staff");
        String path = "/api/v1/clients/" + hal.id() + "/moods";
        assertThat(api.get(path, coach.token()).status()).isEqualTo(404);
        assertThat(api.get(path + "/stats", coach.token()).status()).isEqualTo(404);
        api.put("/api/v1/care/sharing", Map.of("mood", true), hal.token());
        assertThat(api.get(path, coach.token())
                        .json()
                        .path("data")
                        .get(0)
                        .path("mood")
                        .asInt())
                .isEqualTo(2);
        assertThat(api.get(path + "/stats", coach.token())
                        .json()
                        .path("entries")
                        .asInt())
                .isEqualTo(1);
        api.put("/api/v1/care/sharing", Map.of("mood", false), hal.token());
        assertThat(api.get(path, coach.token()).status()).isEqualTo(404);
    }

    @Test
    void aClientTakesAwayOrDeletesTheirCareDataAndErasureTakesItToo() {
        Owner owner = ownerWithOrganization("Care Data Studio");
        Client ivy = client(owner, "Ivy");
        Client jon = client(owner, "Jon");
        LocalDate yesterday = LocalDate.now(BERLIN).minusDays(1);
        write(ivy, yesterday, 9, 4, Map.of("exercise", true));
        write(ivy, yesterday, 21, 2, Map.of());
        write(jon, yesterday, 9, 5, Map.of());
        api.post("/api/v1/assessments", Map.of("instrument", "who5", "answers", List.of(3, 3, 3, 3, 3)), ivy.token());
        api.put("/api/v1/care/sharing", Map.of("mood", true), ivy.token());

        JsonNode json = api.get("/api/v1/care/export", ivy.token()).json();
        assertThat(json.path("moods")).hasSize(2);
        assertThat(json.path("assessments").get(0).path("score").asInt()).isEqualTo(60);
        assertThat(json.path("sharing").path("mood").asBoolean()).isTrue();
        Api.Response csv = api.get("/api/v1/care/export?format=csv", ivy.token());
        assertThat(csv.status()).isEqualTo(200);
        List<String> lines = csv.text().replace("\uFEFF", "").lines().toList();
        assertThat(lines.get(0)).startsWith("record,at,date,value");
        assertThat(lines).hasSize(4);
        assertThat(lines.stream().filter(l -> l.startsWith("mood,"))).hasSize(2);
        assertThat(api.get("/api/v1/care/export?format=xml", ivy.token()).status())
                .isEqualTo(400);
        assertThat(api.get("/api/v1/care/export", owner.token()).status())
                .as("a client's own")
                .isEqualTo(403);

        Api.Response deleted = api.delete("/api/v1/care/data", ivy.token());
        assertThat(deleted.status()).as(deleted.toString()).isEqualTo(200);
        assertThat(deleted.json().path("moods").asInt()).isEqualTo(2);
        assertThat(deleted.json().path("assessments").asInt()).isEqualTo(1);
        assertThat(api.get("/api/v1/moods", ivy.token()).json().path("data")).isEmpty();
        assertThat(api.get("/api/v1/care/sharing", ivy.token())
                        .json()
                        .path("mood")
                        .asBoolean())
                .as("sharing forgotten too")
                .isFalse();
        assertThat(api.get("/api/v1/moods", jon.token()).json().path("data"))
                .as("another client's stays")
                .hasSize(1);

        Api.Response erased = api.delete("/api/v1/clients/" + jon.id(), owner.token());
        assertThat(erased.status()).as(erased.toString()).isLessThan(300);
        long left = 1;
        for (int i = 0; i < 100 && left > 0; i++) {
            left = jdbc.sql("SELECT count(*) FROM mood_entries WHERE org_id = :org AND client_id = :c")
                    .param("org", owner.orgId())
                    .param("c", jon.id())
                    .query(Long.class)
                    .single();
            if (left > 0) {
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
        assertThat(left).as("an erased client's care data goes with them").isZero();
    }

    private void expectFactor(
            JsonNode insights, String factor, List<Double> with, List<Double> without, Boolean clear) {
        JsonNode f = insights.path("factors")
                .valueStream()
                .filter(n -> n.path("factor").asString().equals(factor))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + factor + " in " + insights));
        assertThat(f.path("withDays").asInt()).isEqualTo(with.size());
        assertThat(f.path("withoutDays").asInt()).isEqualTo(without.size());
        double difference = mean(with) - mean(without);
        assertThat(f.path("difference").asDouble()).isEqualTo(round(difference));
        double v1 = variance(with) / with.size();
        double v2 = variance(without) / without.size();
        double se = Math.sqrt(v1 + v2);
        double df = (v1 + v2) * (v1 + v2) / (v1 * v1 / (with.size() - 1) + v2 * v2 / (without.size() - 1));
        double t = studentT975(df);
        assertThat(f.path("low").asDouble()).isEqualTo(round(difference - t * se));
        assertThat(f.path("high").asDouble()).isEqualTo(round(difference + t * se));
        if (clear != null) {
            assertThat(f.path("clear").asBoolean()).isEqualTo(clear);
        }
        assertThat(f.path("clear").asBoolean()).isEqualTo(difference - t * se > 0 || difference + t * se < 0);
    }

    /** Student's t at 0.975 for the degrees of freedom rounded down (a few published values suffice here). */
    private static double studentT975(double df) {
        Map<Integer, Double> table = Map.ofEntries(
                Map.entry(10, 2.228),
                Map.entry(11, 2.201),
                Map.entry(12, 2.179),
                Map.entry(13, 2.160),
                Map.entry(14, 2.145),
                Map.entry(15, 2.131),
                Map.entry(16, 2.120),
                Map.entry(17, 2.110),
                Map.entry(18, 2.101),
                Map.entry(19, 2.093),
                Map.entry(20, 2.086),
                Map.entry(21, 2.080),
                Map.entry(22, 2.074),
                Map.entry(23, 2.069),
                Map.entry(24, 2.064),
                Map.entry(25, 2.060),
                Map.entry(26, 2.056),
                Map.entry(27, 2.052),
                Map.entry(28, 2.048),
                Map.entry(29, 2.045),
                Map.entry(30, 2.042));
        int k = (int) Math.floor(df);
        if (k > 30) {
            return k < 40 ? 2.042 : 2.021;
        }
        Double t = table.get(k);
        if (t == null) {
            throw new AssertionError("degrees of freedom outside the test's table: " + df);
        }
        return t;
    }

    private void write(Client c, LocalDate day, int hour, int mood, Map<String, Object> factors) {
        Api.Response r = api.post(
                "/api/v1/moods",
                Map.of(
                        "mood",
                        mood,
                        "occurredAt",
                        day.atTime(hour, 0).atZone(BERLIN).toOffsetDateTime().toString(),
                        "factors",
                        factors),
                c.token());
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
    }

    /** Classes on those days with the client checked in, written as the studio's attendance. */
    private void attended(UUID org, UUID client, Set<LocalDate> days) {
        UUID location = UUID.randomUUID();
        jdbc.sql("INSERT INTO locations (id, org_id, name, timezone) VALUES (:id, :org, 'Mood Room', 'Europe/Berlin')")
                .param("id", location)
                .param("org", org)
                .update();
        UUID type = UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO class_types (id, org_id, name, duration_minutes, default_capacity)
                VALUES (:id, :org, 'Mood Flow', 60, 20)""").param("id", type).param("org", org).update();
        for (LocalDate d : days) {
            UUID session = UUID.randomUUID();
            var start = d.atTime(18, 0).atZone(BERLIN).toOffsetDateTime();
            jdbc.sql("""
                    INSERT INTO class_sessions (id, org_id, class_type_id, location_id, starts_at, ends_at, local_date, capacity)
                    VALUES (:id, :org, :type, :location, :start, :end, :day, 20)""")
                    .param("id", session)
                    .param("org", org)
                    .param("type", type)
                    .param("location", location)
                    .param("start", start)
                    .param("end", start.plusHours(1))
                    .param("day", d)
                    .update();
            jdbc.sql("""
                    INSERT INTO bookings (id, org_id, session_id, client_id, status, confirmed_at, created_at, checked_in_at)
                    VALUES (gen_random_uuid(), :org, :session, :client, 'attended', :start, :start, :start)""")
                    .param("org", org)
                    .param("session", session)
                    .param("client", client)
                    .param("start", start)
                    .update();
        }
    }

    private static double mean(List<? extends Number> xs) {
        return xs.stream().mapToDouble(Number::doubleValue).average().orElseThrow();
    }

    private static double variance(List<Double> xs) {
        double m = mean(xs);
        return xs.stream().mapToDouble(x -> (x - m) * (x - m)).sum() / (xs.size() - 1);
    }

    private static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }
}
