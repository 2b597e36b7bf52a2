package io.wellbase.care.internal.advisor;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * The advisor without a model: points to the organization's own programs, breathing techniques and the client's
 * treatment plans whose words (or topic: sleep, stress, energy, pain, skin) meet the question's. It never names a
 * condition and always says it is not a diagnosis.
 */
@Component
class RulesAdvisor {

    static final String NOT_A_DIAGNOSIS =
            "This is general guidance from your studio's own content, not a diagnosis; for a health concern, please"
                    + " talk to a doctor or another professional.";

    /** Topic words (in several languages) and the breathing technique that suits each topic. */
    private static final Map<String, List<String>> TOPICS = Map.of(
            "sleep",
                    List.of(
                            "sleep",
                            "insomnia",
                            "tired",
                            "rest",
                            "night",
                            "schlaf",
                            "sueno",
                            "dormir",
                            "sommeil",
                            "slaap"),
            "stress",
                    List.of(
                            "stress",
                            "stressed",
                            "anxious",
                            "anxiety",
                            "worry",
                            "panic",
                            "nervous",
                            "calm",
                            "overwhelmed",
                            "angst",
                            "ansiedad",
                            "estres",
                            "ansia",
                            "angoisse",
                            "spanning"),
            "energy", List.of("energy", "fatigue", "exhausted", "motivation", "energie", "energia"),
            "pain", List.of("pain", "back", "knee", "neck", "sore", "stiff", "schmerz", "dolor", "douleur"),
            "skin", List.of("skin", "acne", "dry", "redness", "wrinkles", "haut", "piel", "peau", "pelle"));

    private static final Map<String, String> BREATHING_FOR =
            Map.of("sleep", "breathing:4-7-8", "stress", "breathing:cyclic_sighing", "energy", "breathing:box");

    record Answer(String text, List<String> sources) {}

    Answer answer(String question, AdvisorContent.Context context) {
        Set<String> words = words(question);
        Set<String> topics = new HashSet<>();
        TOPICS.forEach((topic, list) -> {
            if (list.stream().anyMatch(words::contains)) {
                topics.add(topic);
            }
        });
        record Scored(AdvisorContent.Item item, int score) {}
        List<Scored> scored = new ArrayList<>();
        for (AdvisorContent.Item item : context.items()) {
            Set<String> itemWords = words(item.title() + " " + item.text());
            int score = (int) itemWords.stream().filter(words::contains).count() * 2;
            for (String topic : topics) {
                if (TOPICS.get(topic).stream().anyMatch(itemWords::contains)) {
                    score += 3;
                }
                if (item.source().equals(BREATHING_FOR.get(topic))) {
                    score += 4;
                }
            }
            if (score > 0) {
                scored.add(new Scored(item, score));
            }
        }
        scored.sort(Comparator.comparingInt(Scored::score).reversed());
        List<AdvisorContent.Item> chosen =
                scored.stream().limit(3).map(Scored::item).toList();
        StringBuilder text = new StringBuilder();
        if (chosen.isEmpty()) {
            text.append("I could not find anything in ")
                    .append(context.organization())
                    .append("'s programs and exercises that fits your question. Your coach or the front desk can help"
                            + " you further.");
        } else {
            text.append("From ")
                    .append(context.organization())
                    .append("'s own programs and exercises, these may help:");
            for (AdvisorContent.Item item : chosen) {
                text.append("\n- ")
                        .append(label(item.kind()))
                        .append(" \"")
                        .append(item.title())
                        .append("\": ")
                        .append(firstSentence(item.text()));
            }
        }
        text.append("\n\n").append(NOT_A_DIAGNOSIS);
        return new Answer(
                text.toString(),
                chosen.stream().map(AdvisorContent.Item::source).toList());
    }

    private static String label(String kind) {
        return switch (kind) {
            case "program" -> "Program";
            case "breathing" -> "Breathing exercise";
            case "treatment" -> "Your treatment plan";
            case "product" -> "Product";
            default -> "See";
        };
    }

    private static String firstSentence(String text) {
        String t = text.strip();
        int dot = t.indexOf(". ");
        String s = dot > 0 ? t.substring(0, dot + 1) : t;
        return s.length() > 200 ? s.substring(0, 199) + "…" : s;
    }

    static Set<String> words(String text) {
        Set<String> words = new HashSet<>();
        for (String w : CrisisScreen.fold(text).split("[^\\p{L}\\p{N}]+")) {
            if (w.length() >= 3) {
                words.add(w.toLowerCase(Locale.ROOT));
                if (w.endsWith("s") && w.length() > 4) {
                    words.add(w.substring(0, w.length() - 1));
                }
            }
        }
        return words;
    }
}
