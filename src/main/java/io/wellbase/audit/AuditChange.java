package io.wellbase.audit;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A field's value before and after a change.
 */
public record AuditChange(@Nullable Object before, @Nullable Object after) {

    /** Fields that differ between two snapshots; a field absent on one side counts as null. */
    public static Map<String, AuditChange> diff(Map<String, ?> before, Map<String, ?> after) {
        Map<String, AuditChange> changes = new LinkedHashMap<>();
        Set<String> keys = new java.util.LinkedHashSet<>(before.keySet());
        keys.addAll(after.keySet());
        for (String key : keys) {
            Object b = before.get(key);
            Object a = after.get(key);
            if (!Objects.equals(b, a)) {
                changes.put(key, new AuditChange(b, a));
            }
        }
        return changes;
    }

    /** Every field of a new object, as changes from nothing. */
    public static Map<String, AuditChange> created(Map<String, ?> after) {
        return diff(Map.of(), after);
    }
}
