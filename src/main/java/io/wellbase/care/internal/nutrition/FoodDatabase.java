package io.wellbase.care.internal.nutrition;

import java.math.BigDecimal;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** A food database to look nutrition up in (FatSecret's, when configured); an adapter, so another can replace it. */
interface FoodDatabase {

    /** A food found by a search, with its description of a typical serving. */
    record Found(String id, String name, @Nullable String brand, String description) {}

    /** One serving of a food and what it holds. */
    record Serving(
            String id,
            String description,
            @Nullable BigDecimal calories,
            @Nullable BigDecimal protein,
            @Nullable BigDecimal carbs,
            @Nullable BigDecimal fat) {}

    record Food(String id, String name, List<Serving> servings) {}

    /** What a look-up answered: foods, or why there are none. */
    sealed interface Answer<T> {
        record Ok<T>(T value) implements Answer<T> {}

        record Unavailable<T>(String reason) implements Answer<T> {}

        record NotFound<T>() implements Answer<T> {}
    }

    boolean configured();

    Answer<List<Found>> search(String query, int max);

    Answer<Food> food(String id);
}
