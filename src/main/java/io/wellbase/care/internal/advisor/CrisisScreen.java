package io.wellbase.care.internal.advisor;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * The layer in front of the advisor, independent of any model: a message that speaks of suicide, self-harm, abuse or
 * a threat to the writer's safety is routed to a counselor and answered with where to find help, never passed on
 * to be answered. Weighted patterns ({@code care/crisis-patterns.txt}) in English, German, Spanish, French, Italian,
 * Portuguese and Dutch are matched on the text folded to lower case without accents; a message whose weights add up
 * to {@value #THRESHOLD} is a crisis; below that, a small n-gram model ({@link CrisisModel}) may still route it. It errs towards routing: a false alarm costs a counselor's look, a miss may
 * cost a life.
 */
@Component
public class CrisisScreen {

    static final int THRESHOLD = 3;

    /** What a message was found to speak of. */
    public enum Category {
        SUICIDE,
        SELF_HARM,
        ABUSE,
        VIOLENCE_THREAT,
        /** No pattern matched, but the n-gram model judges it a crisis. */
        OTHER,
        /** Figures of speech that lower the weight ("jump rope", "bridge pose"). */
        SAFE
    }

    private record Rule(Category category, int weight, Pattern pattern) {}

    private static final List<Rule> RULES = load();

    private final CrisisModel model = CrisisModel.trained();

    /** What the message speaks of (the category with the most weight), if it signals a crisis. */
    public Optional<Category> screen(String text) {
        String folded = fold(text);
        Map<Category, Integer> weights = new EnumMap<>(Category.class);
        int total = 0;
        for (Rule r : RULES) {
            if (r.pattern().matcher(folded).find()) {
                weights.merge(r.category(), r.weight(), Integer::sum);
                total += r.weight();
            }
        }
        if (total < THRESHOLD) {
            return model.probability(text) >= CrisisModel.THRESHOLD ? Optional.of(Category.OTHER) : Optional.empty();
        }
        return weights.entrySet().stream()
                .filter(e -> e.getKey() != Category.SAFE)
                .max(Map.Entry.comparingByValue())
                .map(Map.Entry::getKey);
    }

    /** Lower case, accents removed, apostrophes unified, whitespace collapsed. */
    static String fold(String text) {
        String s = Normalizer.normalize(text, Normalizer.Form.NFD)
                .replaceAll("\\p{M}+", "")
                .replace('’', '\'')
                .replace('ß', 's')
                .toLowerCase(Locale.ROOT);
        return s.replaceAll("\\s+", " ").strip();
    }

    private static List<Rule> load() {
        try (InputStream in = CrisisScreen.class.getResourceAsStream("/care/crisis-patterns.txt")) {
            if (in == null) {
                throw new IllegalStateException("care/crisis-patterns.txt is missing");
            }
            List<Rule> rules = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                String l = line.strip();
                if (l.isEmpty() || l.startsWith("#")) {
                    continue;
                }
                String[] parts = l.split(" ", 3);
                rules.add(new Rule(
                        Category.valueOf(parts[0].toUpperCase(Locale.ROOT)),
                        Integer.parseInt(parts[1]),
                        Pattern.compile(parts[2])));
            }
            return List.copyOf(rules);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
