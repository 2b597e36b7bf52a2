package io.wellbase.care.internal.nutrition;

import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Reads a MyFitnessPal export (the "Nutrition" CSV: Date, Meal, Calories, Fat (g), Carbohydrates (g), Protein (g),
 * …, one row per meal and day; a Food column when there is one) in UTF-8 or UTF-16 with or without a byte order
 * mark, comma- or semicolon-separated (a semicolon file writes decimals with a comma). Its vocabulary is mapped
 * (Snacks → snack); a row with an unreadable number keeps the row with that figure empty and a warning; only a row
 * without a readable date is left out, with a warning.
 */
final class MyFitnessPalExport {

    static final int MAX_ROWS = 50_000;

    private static final List<DateTimeFormatter> DATES = List.of(
            DateTimeFormatter.ISO_LOCAL_DATE,
            DateTimeFormatter.ofPattern("M/d/yyyy"),
            DateTimeFormatter.ofPattern("d.M.yyyy"),
            DateTimeFormatter.ofPattern("d/M/yyyy"));

    private MyFitnessPalExport() {}

    /** A row read: the day, meal, food and figures, and its key in the file (so a re-import replaces it). */
    record Row(
            LocalDate day,
            String meal,
            String food,
            @Nullable BigDecimal calories,
            @Nullable BigDecimal protein,
            @Nullable BigDecimal carbs,
            @Nullable BigDecimal fat,
            String key) {}

    record Read(List<Row> rows, List<String> warnings) {}

    /** Why a file cannot be read at all. */
    static final class Unreadable extends Exception {
        Unreadable(String message) {
            super(message);
        }
    }

    static Read read(byte[] bytes) throws Unreadable {
        String text = decode(bytes);
        List<String> lines = text.lines().filter(l -> !l.isBlank()).toList();
        if (lines.isEmpty()) {
            throw new Unreadable("the file is empty");
        }
        char delimiter = lines.getFirst().chars().filter(c -> c == ';').count()
                        > lines.getFirst().chars().filter(c -> c == ',').count()
                ? ';'
                : ',';
        List<String> header = split(lines.getFirst(), delimiter).stream()
                .map(h -> h.strip().toLowerCase(Locale.ROOT))
                .toList();
        int date = column(header, "date", "datum", "fecha");
        int meal = column(header, "meal", "mahlzeit", "comida", "repas");
        if (date < 0 || meal < 0) {
            throw new Unreadable("this is not a MyFitnessPal export: it needs a Date and a Meal column");
        }
        int food = column(header, "food", "food name", "name");
        int calories = column(header, "calories", "kalorien", "calorias", "energy (kcal)");
        int fat = column(header, "fat (g)", "fat", "fett (g)", "grasas (g)");
        int carbs = column(
                header, "carbohydrates (g)", "carbohydrates", "carbs (g)", "kohlenhydrate (g)", "carbohidratos (g)");
        int protein = column(header, "protein (g)", "protein", "eiweiss (g)", "proteinas (g)");
        if (lines.size() - 1 > MAX_ROWS) {
            throw new Unreadable("at most " + MAX_ROWS + " rows in one file");
        }
        List<Row> rows = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 1; i < lines.size(); i++) {
            int line = i + 1;
            List<String> cells = split(lines.get(i), delimiter);
            LocalDate day = date(cell(cells, date));
            if (day == null) {
                warnings.add("line " + line + ": no readable date (\"" + cell(cells, date) + "\"), left out");
                continue;
            }
            String rawMeal = cell(cells, meal);
            String mapped = meal(rawMeal);
            if (mapped == null) {
                warnings.add("line " + line + ": meal \"" + rawMeal + "\" read as a snack");
                mapped = "snack";
            }
            String foodName = food >= 0 && !cell(cells, food).isBlank()
                    ? cell(cells, food).strip()
                    : "MyFitnessPal: " + rawMeal.strip();
            String base = day + ":" + mapped + ":" + foodName;
            int n = seen.merge(base, 1, Integer::sum);
            rows.add(new Row(
                    day,
                    mapped,
                    foodName.length() > 300 ? foodName.substring(0, 300) : foodName,
                    number(cells, calories, delimiter, "Calories", line, warnings),
                    number(cells, protein, delimiter, "Protein", line, warnings),
                    number(cells, carbs, delimiter, "Carbohydrates", line, warnings),
                    number(cells, fat, delimiter, "Fat", line, warnings),
                    "mfp:" + base + ":" + n));
        }
        return new Read(rows, warnings);
    }

    private static String decode(byte[] b) {
        if (b.length >= 2 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xFE) {
            return new String(b, 2, b.length - 2, StandardCharsets.UTF_16LE);
        }
        if (b.length >= 2 && (b[0] & 0xFF) == 0xFE && (b[1] & 0xFF) == 0xFF) {
            return new String(b, 2, b.length - 2, StandardCharsets.UTF_16BE);
        }
        if (b.length >= 3 && (b[0] & 0xFF) == 0xEF && (b[1] & 0xFF) == 0xBB && (b[2] & 0xFF) == 0xBF) {
            return new String(b, 3, b.length - 3, StandardCharsets.UTF_8);
        }
        if (b.length >= 2 && b[1] == 0 && b[0] != 0) {
            return new String(b, Charset.forName("UTF-16LE")); // UTF-16 without a mark, as Excel writes it
        }
        return new String(b, StandardCharsets.UTF_8);
    }

    private static int column(List<String> header, String... names) {
        for (String name : names) {
            int i = header.indexOf(name);
            if (i >= 0) {
                return i;
            }
        }
        return -1;
    }

    private static String cell(List<String> cells, int i) {
        return i >= 0 && i < cells.size() ? cells.get(i) : "";
    }

    private static @Nullable LocalDate date(String s) {
        for (DateTimeFormatter f : DATES) {
            try {
                return LocalDate.parse(s.strip(), f);
            } catch (DateTimeParseException e) {
                // try the next form
            }
        }
        return null;
    }

    private static @Nullable String meal(String s) {
        String m = s.strip().toLowerCase(Locale.ROOT);
        if (m.startsWith("breakfast")
                || m.startsWith("frühstück")
                || m.startsWith("fruhstuck")
                || m.startsWith("desayuno")) {
            return "breakfast";
        }
        if (m.startsWith("lunch") || m.startsWith("mittag") || m.startsWith("almuerzo") || m.startsWith("déjeuner")) {
            return "lunch";
        }
        if (m.startsWith("dinner")
                || m.startsWith("abend")
                || m.startsWith("cena")
                || m.startsWith("dîner")
                || m.startsWith("supper")) {
            return "dinner";
        }
        if (m.contains("snack")) {
            return "snack";
        }
        return null;
    }

    private static @Nullable BigDecimal number(
            List<String> cells, int i, char delimiter, String name, int line, List<String> warnings) {
        String raw = cell(cells, i).strip();
        if (i < 0 || raw.isEmpty()) {
            return null;
        }
        String s = delimiter == ';' ? raw.replace(".", "").replace(',', '.') : raw.replace(",", "");
        try {
            BigDecimal v = new BigDecimal(s);
            if (v.signum() < 0 || v.compareTo(BigDecimal.valueOf(100_000)) > 0) {
                warnings.add("line " + line + ": " + name + " " + raw + " is out of range, left empty");
                return null;
            }
            return v;
        } catch (NumberFormatException e) {
            warnings.add("line " + line + ": " + name + " \"" + raw + "\" is not a number, left empty");
            return null;
        }
    }

    /** One line's cells, with quoted cells ("1,234") kept whole. */
    static List<String> split(String line, char delimiter) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '"') {
                if (quoted && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else {
                    quoted = !quoted;
                }
            } else if (c == delimiter && !quoted) {
                cells.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        cells.add(cell.toString());
        return cells;
    }
}
