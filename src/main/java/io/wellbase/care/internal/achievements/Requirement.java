package io.wellbase.care.internal.achievements;

import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * What earns an achievement, as stored JSON {@code {"type": "classes", "count": 10}}: classes attended, the longest
 * run of days with a mood entry, breathing sessions or programs completed.
 */
sealed interface Requirement {

    /** How far the client's progress goes towards this requirement, and what it needs. */
    int current(Progress progress);

    int target();

    String type();

    default JsonNode json() {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("type", type());
        node.put(this instanceof MoodStreak ? "days" : "count", target());
        return node;
    }

    record Classes(int count) implements Requirement {
        public int current(Progress p) {
            return p.classes();
        }

        public int target() {
            return count;
        }

        public String type() {
            return "classes";
        }
    }

    record MoodStreak(int days) implements Requirement {
        public int current(Progress p) {
            return p.longestMoodStreak();
        }

        public int target() {
            return days;
        }

        public String type() {
            return "moodStreak";
        }
    }

    record BreathingSessions(int count) implements Requirement {
        public int current(Progress p) {
            return p.breathingSessions();
        }

        public int target() {
            return count;
        }

        public String type() {
            return "breathingSessions";
        }
    }

    record ProgramsCompleted(int count) implements Requirement {
        public int current(Progress p) {
            return p.programsCompleted();
        }

        public int target() {
            return count;
        }

        public String type() {
            return "programsCompleted";
        }
    }

    /** The requirement the JSON names, if it is one (a count or days from 1 to 10,000). */
    static Optional<Requirement> of(JsonNode json) {
        if (json == null || !json.isObject()) {
            return Optional.empty();
        }
        String type = json.path("type").asString("");
        JsonNode n = type.equals("moodStreak") ? json.path("days") : json.path("count");
        if (!n.isInt() || n.intValue() < 1 || n.intValue() > 10_000) {
            return Optional.empty();
        }
        return switch (type) {
            case "classes" -> Optional.of(new Classes(n.intValue()));
            case "moodStreak" -> Optional.of(new MoodStreak(n.intValue()));
            case "breathingSessions" -> Optional.of(new BreathingSessions(n.intValue()));
            case "programsCompleted" -> Optional.of(new ProgramsCompleted(n.intValue()));
            default -> Optional.empty();
        };
    }
}
