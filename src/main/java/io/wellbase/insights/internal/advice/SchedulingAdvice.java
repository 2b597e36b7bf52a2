package io.wellbase.insights.internal.advice;

import io.wellbase.insights.internal.semantic.CheckedSpec;
import io.wellbase.insights.internal.semantic.Dimension;
import io.wellbase.insights.internal.semantic.Figures;
import io.wellbase.insights.internal.semantic.Metric;
import io.wellbase.insights.internal.semantic.SemanticQueries;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Advice on the timetable from the last weeks' classes: the fill-rate heatmap (through the semantic layer),
 * slots that fill with waitlists (add a class, with the bookings the waitlists suggest), slots that run
 * nearly empty (move or merge), standby places from each slot's no-show rate, and each instructor's
 * utilisation. Every suggestion carries the figures it rests on.
 */
@Component
class SchedulingAdvice {

    static final int MIN_SESSIONS = 4;

    record Thresholds(int lowFillPercent, int fullShare, int minWaitlist) {}

    record Suggestion(
            String kind,
            UUID classTypeId,
            String classType,
            String location,
            String slot,
            String text,
            Map<String, Object> figures) {}

    record Utilisation(
            @Nullable UUID instructorId,
            String instructor,
            int classes,
            BigDecimal hours,
            @Nullable BigDecimal fillRate,
            @Nullable BigDecimal shareOfTeaching) {}

    record Advice(
            LocalDate from,
            LocalDate to,
            List<Map<String, @Nullable Object>> heatmap,
            List<Suggestion> addSessions,
            List<Suggestion> moveOrMerge,
            List<Suggestion> standby,
            List<Utilisation> instructors) {}

    private final SlotFigures figures;
    private final SemanticQueries queries;

    SchedulingAdvice(SlotFigures figures, SemanticQueries queries) {
        this.figures = figures;
        this.queries = queries;
    }

    Advice advise(SemanticQueries.Scope scope, LocalDate from, LocalDate to, Thresholds t) {
        CheckedSpec heat = new CheckedSpec(
                List.of(Metric.FILL_RATE, Metric.CLASSES),
                List.of(Dimension.WEEKDAY, Dimension.HOUR),
                Map.of(),
                from,
                to,
                null,
                false,
                1000);
        List<Map<String, @Nullable Object>> heatmap = queries.run(scope, heat) instanceof SemanticQueries.Answered a
                ? a.result().rows()
                : List.<Map<String, @Nullable Object>>of();
        long weeks = Math.max(1, java.time.temporal.ChronoUnit.DAYS.between(from, to.plusDays(1)) / 7);
        List<Suggestion> add = new ArrayList<>();
        List<Suggestion> move = new ArrayList<>();
        List<Suggestion> standby = new ArrayList<>();
        for (SlotFigures.Slot s : figures.slots(scope.orgId(), from, to)) {
            if (s.sessions() < MIN_SESSIONS) {
                continue;
            }
            String slot = slot(s.weekday(), s.hour());
            BigDecimal fill = percent(s.placesTaken(), s.capacity());
            double waitPerClass = s.waitlisted() / (double) s.sessions();
            double showRate = s.placesTaken() == 0 ? 1 : s.attended() / (double) s.placesTaken();
            Map<String, Object> base = new java.util.LinkedHashMap<>();
            base.put("sessions", s.sessions());
            base.put("fullSessions", s.fullSessions());
            base.put("fillRate", fill);
            base.put("waitlistedPerClass", round(waitPerClass));
            if (s.fullSessions() * 100 >= t.fullShare() * s.sessions() && waitPerClass >= t.minWaitlist()) {
                double extra = waitPerClass * showRate;
                Map<String, Object> f = new java.util.LinkedHashMap<>(base);
                f.put("expectedExtraVisitsPerClass", round(extra));
                add.add(new Suggestion(
                        "add_session",
                        s.classTypeId(),
                        s.classType(),
                        s.location(),
                        slot,
                        "%s at %s, %s: full %d of %d times with %s waiting on average; another class near this time would"
                                        .formatted(
                                                s.classType(),
                                                s.location(),
                                                slot,
                                                s.fullSessions(),
                                                s.sessions(),
                                                round(waitPerClass))
                                + " likely take about %s visits each week."
                                        .formatted(round(extra * s.sessions() / (double) weeks)),
                        f));
            } else if (fill.compareTo(BigDecimal.valueOf(t.lowFillPercent())) < 0) {
                move.add(new Suggestion(
                        "move_or_merge",
                        s.classTypeId(),
                        s.classType(),
                        s.location(),
                        slot,
                        "%s at %s, %s: %s %% full over %d classes; move it to a busier time or merge it with another."
                                .formatted(s.classType(), s.location(), slot, fill.toPlainString(), s.sessions()),
                        base));
            }
            double noShowRate = s.placesTaken() == 0 ? 0 : s.noShows() / (double) s.placesTaken();
            if (noShowRate >= 0.1 && s.fullSessions() * 2 >= s.sessions()) {
                long places = (long) Math.floor(s.capacity() / (double) s.sessions() * noShowRate);
                if (places >= 1) {
                    Map<String, Object> f = new java.util.LinkedHashMap<>(base);
                    f.put("noShowRate", percent(s.noShows(), s.placesTaken()));
                    f.put("standbyPlaces", places);
                    standby.add(new Suggestion(
                            "standby",
                            s.classTypeId(),
                            s.classType(),
                            s.location(),
                            slot,
                            "%s at %s, %s: %s %% of booked places are no-shows while the class is usually full; %d standby"
                                            .formatted(
                                                    s.classType(),
                                                    s.location(),
                                                    slot,
                                                    percent(s.noShows(), s.placesTaken())
                                                            .toPlainString(),
                                                    places)
                                    + " place(s) would fill them.",
                            f));
                }
            }
        }
        add.sort((a, b) -> Double.compare(number(b, "waitlistedPerClass"), number(a, "waitlistedPerClass")));
        move.sort((a, b) -> Double.compare(number(a, "fillRate"), number(b, "fillRate")));
        List<SlotFigures.Teaching> teaching = figures.teaching(scope.orgId(), from, to);
        long totalMinutes =
                teaching.stream().mapToLong(SlotFigures.Teaching::minutes).sum();
        List<Utilisation> instructors = teaching.stream()
                .map(x -> new Utilisation(
                        x.instructorId(),
                        x.instructor(),
                        x.sessions(),
                        BigDecimal.valueOf(x.minutes()).divide(BigDecimal.valueOf(60), 1, RoundingMode.HALF_UP),
                        x.capacity() == 0 ? null : percent(x.placesTaken(), x.capacity()),
                        totalMinutes == 0 ? null : percent(x.minutes(), totalMinutes)))
                .toList();
        return new Advice(from, to, heatmap, add, move, standby, instructors);
    }

    private static double number(Suggestion s, String key) {
        Object v = s.figures().get(key);
        return v instanceof Number n ? n.doubleValue() : 0;
    }

    private static String slot(int weekday, int hour) {
        return DayOfWeek.of(weekday).getDisplayName(TextStyle.FULL, Locale.ENGLISH) + " " + "%02d:00".formatted(hour);
    }

    private static BigDecimal percent(long part, long whole) {
        return whole == 0 ? BigDecimal.ZERO : Figures.percent(part, whole);
    }

    private static BigDecimal round(double v) {
        return BigDecimal.valueOf(v).setScale(1, RoundingMode.HALF_UP);
    }
}
