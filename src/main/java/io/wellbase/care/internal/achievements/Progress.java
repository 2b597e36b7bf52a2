package io.wellbase.care.internal.achievements;

/** A client's counts that achievements are measured against. */
record Progress(int classes, int longestMoodStreak, int breathingSessions, int programsCompleted) {}
