package io.wellbase.care.internal.achievements;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** Something a client earns once: built in, or defined by the organization. */
record Achievement(
        String code,
        String name,
        @Nullable String description,
        @Nullable String icon,
        String category,
        int points,
        Requirement requirement,
        boolean builtIn) {

    static final List<Achievement> BUILT_IN = List.of(
            new Achievement(
                    "first_class",
                    "First class",
                    "Came to a first class",
                    "sparkles",
                    "classes",
                    10,
                    new Requirement.Classes(1),
                    true),
            new Achievement(
                    "classes_10",
                    "Ten classes",
                    "Came to 10 classes",
                    "flame",
                    "classes",
                    50,
                    new Requirement.Classes(10),
                    true),
            new Achievement(
                    "classes_50",
                    "Fifty classes",
                    "Came to 50 classes",
                    "trophy",
                    "classes",
                    200,
                    new Requirement.Classes(50),
                    true),
            new Achievement(
                    "mood_week",
                    "A week of check-ins",
                    "Recorded a mood 7 days in a row",
                    "calendar",
                    "mood",
                    30,
                    new Requirement.MoodStreak(7),
                    true),
            new Achievement(
                    "mood_month",
                    "A month of check-ins",
                    "Recorded a mood 30 days in a row",
                    "calendar-heart",
                    "mood",
                    100,
                    new Requirement.MoodStreak(30),
                    true),
            new Achievement(
                    "breathing_5",
                    "Five calm minutes",
                    "Completed 5 breathing sessions",
                    "wind",
                    "breathing",
                    20,
                    new Requirement.BreathingSessions(5),
                    true),
            new Achievement(
                    "breathing_30",
                    "Thirty breaths deep",
                    "Completed 30 breathing sessions",
                    "leaf",
                    "breathing",
                    100,
                    new Requirement.BreathingSessions(30),
                    true),
            new Achievement(
                    "first_program",
                    "Program complete",
                    "Completed every required module of a program",
                    "medal",
                    "programs",
                    100,
                    new Requirement.ProgramsCompleted(1),
                    true));
}
