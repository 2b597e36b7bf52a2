package io.wellbase.insights.internal.ask;

import io.wellbase.insights.internal.semantic.Dimension;
import io.wellbase.insights.internal.semantic.Metric;
import io.wellbase.insights.internal.semantic.QuerySpec;
import java.text.Normalizer;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The built-in parser for questions in English: periods, metric and dimension words, the organization's own
 * names as filters, "top N", "which … best", "compare … with …". It only ever fills a {@link QuerySpec} (or
 * names a fixed list); nothing of the question reaches SQL but values the spec check accepts and binds.
 */
public final class QuestionParser {

    public static final int MAX_LENGTH = 500;

    private static final Pattern WEEKDAYS = Pattern.compile(
            "\\b(?:on )?(mondays?|tuesdays?|wednesdays?|thursdays?|fridays?|saturdays?|sundays?|weekends?|weekdays only)\\b");
    private static final Pattern TOP_BEFORE =
            Pattern.compile("\\b(?:top|best|bottom|worst) (\\d{1,3}|one|two|three|five|ten)\\s+$");
    private static final Pattern SUPERLATIVE_BEFORE = Pattern.compile(
            "\\b(?:best|highest|most|top|biggest|busiest|fullest|worst|lowest|least|fewest|quietest|emptiest|strongest|weakest)\\s+$");
    private static final Map<String, Integer> SMALL = Map.of("one", 1, "two", 2, "three", 3, "five", 5, "ten", 10);
    private static final Pattern POSSESSIVE = Pattern.compile("(?<=[a-z])'s\\b");
    private static final Pattern AND_BEFORE = Pattern.compile("\\b(?:and|&)\\s+$");

    private QuestionParser() {}

    public static Parsed parse(String question, Vocabulary vocabulary, LocalDate today) {
        String text = normalize(question);
        if (text.isBlank()) {
            return new Parsed.Refuse("Ask a question about your studio's figures", Parsed.EXAMPLES);
        }
        List<TimePhrases.Found> periods = TimePhrases.find(text, today);
        StringBuilder free = new StringBuilder(text);
        periods.forEach(p -> blank(free, p.start(), p.end()));
        for (int i = 0; i < free.length(); i++) {
            if (free.charAt(i) == '-') {
                free.setCharAt(i, ' ');
            }
        }
        possessives(free);
        Matcher lapsed = Phrasebook.LAPSED.matcher(free);
        if (lapsed.find()) {
            return new Parsed.LapsedClients(lapsedDays(lapsed, periods, today));
        }
        boolean compare = Phrasebook.COMPARE.matcher(free).find();
        boolean previous = Phrasebook.PREVIOUS.matcher(free).find();

        qualifiedPeople(free, vocabulary);
        Split split = dimensions(free);
        Map<String, List<String>> filters = new LinkedHashMap<>();
        names(free.toString(), vocabulary, filters); // before the metrics take their words ("different vip clients")
        List<Metric> metrics = metrics(free);
        if (metrics.isEmpty() && Phrasebook.PEOPLE.matcher(text).find()) {
            metrics = List.of(Metric.VISITS);
        }
        weekdays(free, split.dimensions, filters);

        if (metrics.isEmpty()) {
            if (!split.dimensions.isEmpty()
                    || !filters.isEmpty()
                    || Phrasebook.HOW_MANY.matcher(text).find()) {
                return new Parsed.Clarify(
                        "Which figure do you mean: visits, bookings, fill rate, no-shows, new clients, active members,"
                                + " revenue…?",
                        Parsed.EXAMPLES);
            }
            return new Parsed.Refuse(
                    "I can answer questions about visits, bookings, classes, clients, members and revenue",
                    Parsed.EXAMPLES);
        }

        QuerySpec.TimeRange range = null;
        QuerySpec.TimeRange second = null;
        if (!periods.isEmpty()) {
            if (compare && periods.size() >= 2) {
                range = range(periods.get(0).from(), periods.get(0).to());
                second = range(periods.get(1).from(), periods.get(1).to());
            } else {
                LocalDate from = periods.stream()
                        .map(TimePhrases.Found::from)
                        .min(LocalDate::compareTo)
                        .orElseThrow();
                LocalDate to = periods.stream()
                        .map(TimePhrases.Found::to)
                        .max(LocalDate::compareTo)
                        .orElseThrow();
                range = range(from, to);
                if (compare && previous) {
                    long days = ChronoUnit.DAYS.between(from, to) + 1;
                    second = range(from.minusDays(days), from.minusDays(1));
                }
            }
        }
        LocalDate from = range == null ? today.minusDays(29) : LocalDate.parse(range.from());
        LocalDate to = range == null ? today : LocalDate.parse(range.to());
        if (split.overTime && split.dimensions.stream().noneMatch(Dimension::isTime)) {
            split.dimensions.add(0, ChronoUnit.DAYS.between(from, to) > 92 ? Dimension.MONTH : Dimension.WEEK);
        }

        String sort = null;
        Integer limit = split.limit;
        boolean lowest = Phrasebook.LOWEST.matcher(text).find();
        boolean highest = Phrasebook.HIGHEST.matcher(text).find();
        boolean ranked = split.which || split.limit != null || split.superlative;
        if (!split.dimensions.isEmpty()
                && (ranked || highest || lowest)
                && split.dimensions.stream().noneMatch(Dimension::isTime)) {
            sort = (lowest ? "" : "-") + metrics.get(0).key();
            if (limit == null && (highest || lowest) && (split.which || split.superlative)) {
                limit = 1;
            }
        }
        List<String> metricKeys = metrics.stream().map(Metric::key).toList();
        List<String> dimensionKeys =
                split.dimensions.stream().map(Dimension::key).toList();
        QuerySpec spec = new QuerySpec(metricKeys, dimensionKeys, filters, range, sort, limit);
        QuerySpec compareTo =
                second == null ? null : new QuerySpec(metricKeys, dimensionKeys, filters, second, sort, limit);
        return new Parsed.Query(spec, compareTo);
    }

    /** Lower case, accents and punctuation gone (hyphens and digits kept for dates), spaces single. */
    static String normalize(String question) {
        String s = question.length() > MAX_LENGTH ? question.substring(0, MAX_LENGTH) : question;
        s = Normalizer.normalize(s, Normalizer.Form.NFKD).replaceAll("\\p{M}", "");
        s = s.toLowerCase(Locale.ROOT).replace('’', '\'').replace("%", " % ");
        s = s.replaceAll("[^a-z0-9'%\\- ]", " ").replaceAll("\\s+", " ").trim();
        return s;
    }

    /** The dimensions the question splits by, and how it ranks them. */
    private static final class Split {
        final List<Dimension> dimensions = new ArrayList<>();
        boolean which;
        boolean superlative;
        boolean overTime;

        @Nullable
        Integer limit;
    }

    private static Split dimensions(StringBuilder free) {
        Split split = new Split();
        Matcher grain = Phrasebook.GRAIN.matcher(free);
        while (grain.find()) {
            switch (grain.group(1)) {
                case "daily", "per day", "each day", "every day" -> add(split.dimensions, Dimension.DAY);
                case "weekly" -> add(split.dimensions, Dimension.WEEK);
                case "monthly" -> add(split.dimensions, Dimension.MONTH);
                default -> split.overTime = true;
            }
            blank(free, grain.start(), grain.end());
        }
        boolean[] taken = new boolean[free.length()];
        for (int pass = 0; pass < 2; pass++) {
            for (Phrasebook.DimensionWords words : Phrasebook.DIMENSIONS) {
                split(free, words, split, taken);
            }
        }
        return split;
    }

    private static void split(StringBuilder free, Phrasebook.DimensionWords words, Split split, boolean[] taken) {
        {
            Matcher m = words.words().matcher(free);
            while (m.find()) {
                String before = free.substring(0, m.start());
                Matcher and = AND_BEFORE.matcher(before);
                if (and.find() && afterTaken(taken, and.start())) {
                    add(split.dimensions, words.dimension());
                    mark(taken, and.start(), m.end());
                    blank(free, and.start(), m.end());
                    m = words.words().matcher(free);
                    continue;
                }
                Matcher cue = Phrasebook.CUE.matcher(before);
                Matcher which = Phrasebook.WHICH.matcher(before);
                Matcher top = TOP_BEFORE.matcher(before);
                Matcher superlative = SUPERLATIVE_BEFORE.matcher(before);
                int start;
                if (cue.find()) {
                    start = cue.start();
                } else if (which.find()) {
                    split.which = true;
                    start = which.start();
                } else if (top.find()) {
                    String n = top.group(1);
                    split.limit = Character.isDigit(n.charAt(0)) ? Integer.parseInt(n) : SMALL.get(n);
                    start = m.start();
                } else if (superlative.find()) {
                    split.superlative = true;
                    start = m.start();
                } else {
                    continue;
                }
                add(split.dimensions, words.dimension());
                mark(taken, start, m.end());
                blank(free, start, m.end());
                m = words.words().matcher(free);
            }
        }
    }

    /** Whether the last word before {@code at} (spaces skipped) belongs to a dimension already taken. */
    private static boolean afterTaken(boolean[] taken, int at) {
        int k = at - 1;
        while (k >= 0 && !taken[k]) {
            k--;
        }
        if (k < 0) {
            return false;
        }
        return at - k <= 3; // only spaces lie between the taken words and "and"
    }

    private static void mark(boolean[] taken, int start, int end) {
        for (int i = start; i < end && i < taken.length; i++) {
            taken[i] = true;
        }
    }

    private static void add(List<Dimension> dimensions, Dimension d) {
        if (!dimensions.contains(d)) {
            dimensions.add(d);
        }
    }

    /** The metrics named, in the order the question names them. */
    private static List<Metric> metrics(StringBuilder free) {
        Map<Metric, Integer> found = new LinkedHashMap<>();
        for (Phrasebook.MetricWords words : Phrasebook.METRICS) {
            Matcher m = words.words().matcher(free);
            while (m.find()) {
                found.merge(words.metric(), m.start(), Math::min);
                blank(free, m.start(), m.end());
            }
        }
        return found.entrySet().stream()
                .sorted(Map.Entry.comparingByValue())
                .map(Map.Entry::getKey)
                .toList();
    }

    /** "Omar's" reads as "Omar". */
    private static void possessives(StringBuilder free) {
        Matcher m = POSSESSIVE.matcher(free);
        while (m.find()) {
            blank(free, m.start(), m.end());
        }
    }

    /**
     * "Unlimited members", "vip clients": a plan's or a tag's name before a word for people qualifies them, so
     * the word is not read as a figure of its own.
     */
    private static void qualifiedPeople(StringBuilder free, Vocabulary vocabulary) {
        List<String> names = new ArrayList<>(vocabulary.plans());
        names.addAll(vocabulary.tags());
        for (String name : names) {
            String n = normalize(name).replace('-', ' ');
            if (n.isBlank()) {
                continue;
            }
            Matcher m = Pattern.compile("\\b" + Pattern.quote(n) + " (members|clients|people|students)\\b")
                    .matcher(free);
            while (m.find()) {
                blank(free, m.start(1), m.end(1));
            }
        }
    }

    private static void weekdays(StringBuilder free, List<Dimension> dimensions, Map<String, List<String>> filters) {
        if (dimensions.contains(Dimension.WEEKDAY)) {
            return;
        }
        List<String> days = new ArrayList<>();
        Matcher m = WEEKDAYS.matcher(free);
        while (m.find()) {
            String day = m.group(1);
            if (day.startsWith("weekend")) {
                days.add("saturday");
                days.add("sunday");
            } else if (day.startsWith("weekdays")) {
                days.addAll(List.of("monday", "tuesday", "wednesday", "thursday", "friday"));
            } else {
                days.add(day.endsWith("s") ? day.substring(0, day.length() - 1) : day);
            }
            blank(free, m.start(), m.end());
        }
        if (!days.isEmpty()) {
            filters.put(Dimension.WEEKDAY.key(), List.copyOf(new LinkedHashSet<>(days)));
        }
    }

    /** The organization's names the remaining words mention, as filters: whole names first, else a telling word. */
    private static void names(String free, Vocabulary vocabulary, Map<String, List<String>> filters) {
        match(free, Dimension.CLASS_TYPE, vocabulary.classTypes(), filters);
        match(free, Dimension.LOCATION, vocabulary.locations(), filters);
        match(free, Dimension.INSTRUCTOR, vocabulary.instructors(), filters);
        match(free, Dimension.PLAN, vocabulary.plans(), filters);
        match(free, Dimension.TAG, vocabulary.tags(), filters);
    }

    private static void match(String free, Dimension dimension, List<String> names, Map<String, List<String>> filters) {
        String padded = " " + free + " ";
        List<String> whole = new ArrayList<>();
        List<String> partial = new ArrayList<>();
        for (String name : names) {
            String n = normalize(name).replace('-', ' ');
            if (n.isBlank()) {
                continue;
            }
            if (padded.contains(" " + n + " ") || padded.contains(" " + n + "s ")) {
                whole.add(name.toLowerCase(Locale.ROOT));
                continue;
            }
            for (String word : n.split(" ")) {
                if (word.length() >= 3
                        && !Phrasebook.COMMON.contains(word)
                        && (padded.contains(" " + word + " ") || padded.contains(" " + word + "s "))) {
                    partial.add(name.toLowerCase(Locale.ROOT));
                    break;
                }
            }
        }
        List<String> chosen = whole.isEmpty() ? partial : whole;
        if (!chosen.isEmpty()) {
            filters.put(dimension.key(), List.copyOf(new LinkedHashSet<>(chosen)));
        }
    }

    private static int lapsedDays(Matcher lapsed, List<TimePhrases.Found> periods, LocalDate today) {
        if (!periods.isEmpty()) {
            TimePhrases.Found p = periods.get(0);
            return (int) Math.max(1, ChronoUnit.DAYS.between(p.from(), today) + 1);
        }
        if (lapsed.group(1) != null) {
            int n = Integer.parseInt(lapsed.group(1));
            return switch (lapsed.group(2)) {
                case "week" -> n * 7;
                case "month" -> n * 30;
                default -> n;
            };
        }
        if (lapsed.group(3) != null) {
            return Integer.parseInt(lapsed.group(3));
        }
        return 30;
    }

    private static QuerySpec.TimeRange range(LocalDate from, LocalDate to) {
        return new QuerySpec.TimeRange(from.toString(), to.toString());
    }

    private static void blank(StringBuilder s, int start, int end) {
        for (int i = start; i < end; i++) {
            s.setCharAt(i, ' ');
        }
    }
}
