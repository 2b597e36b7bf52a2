package io.wellbase.dataexchange.internal.imports;

import io.wellbase.platform.web.ApiException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Which column of a file feeds which field. Headers are recognised without configuration (see
 * {@link ImportKind}); a requested mapping ({@code {"Kundennummer": "externalId"}}) wins, and
 * mapping a header to an empty string ignores it.
 *
 * @param columns field name to column index
 * @param used    header to field name, as reported back to the caller
 * @param ignored headers that feed nothing
 */
record ColumnMapping(Map<String, Integer> columns, Map<String, String> used, List<String> ignored) {

    static String normalize(String header) {
        return header == null ? "" : header.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]", "");
    }

    static ColumnMapping resolve(ImportKind kind, List<String> headers, Map<String, String> requested) {
        Map<String, Integer> columns = new LinkedHashMap<>();
        Map<Integer, String> taken = new HashMap<>();
        Map<String, Integer> byHeader = new HashMap<>();
        for (int i = 0; i < headers.size(); i++) {
            byHeader.putIfAbsent(normalize(headers.get(i)), i);
        }
        List<ApiException.FieldError> problems = new ArrayList<>();
        requested.forEach((header, field) -> {
            Integer index = byHeader.get(normalize(header));
            if (index == null) {
                problems.add(new ApiException.FieldError("mapping." + header, "the file has no such column"));
            } else if (field == null || field.isBlank()) {
                taken.put(index, "");
            } else if (kind.field(field).isEmpty()) {
                problems.add(new ApiException.FieldError(
                        "mapping." + header,
                        "unknown field " + field + " for " + kind.value() + "; known: "
                                + String.join(
                                        ", ",
                                        kind.fields().stream()
                                                .map(ImportField::name)
                                                .toList())));
            } else {
                columns.put(field, index);
                taken.put(index, field);
            }
        });
        if (!problems.isEmpty()) {
            throw new ApiException(
                    org.springframework.http.HttpStatus.BAD_REQUEST,
                    "validation_failed",
                    problems.size() + " mapping entries are invalid",
                    problems);
        }
        for (ImportField field : kind.fields()) {
            if (columns.containsKey(field.name())) {
                continue;
            }
            for (String alias : field.headers()) {
                Integer index = byHeader.get(normalize(alias));
                if (index != null && !taken.containsKey(index)) {
                    columns.put(field.name(), index);
                    taken.put(index, field.name());
                    break;
                }
            }
        }
        List<String> missing = kind.fields().stream()
                .filter(ImportField::required)
                .map(ImportField::name)
                .filter(name -> !columns.containsKey(name))
                .toList();
        if (!missing.isEmpty()) {
            throw ApiException.unprocessable(
                    "import.columns_missing",
                    "The file has no column for "
                            + String.join(", ", missing) + " (" + kind.value() + "); its columns are: "
                            + String.join(", ", headers)
                            + ". Name them in \"mapping\", for example {\""
                            + (headers.isEmpty() ? "Column" : headers.get(0))
                            + "\": \"" + missing.get(0) + "\"}");
        }
        Map<String, String> used = new LinkedHashMap<>();
        List<String> ignored = new ArrayList<>();
        for (int i = 0; i < headers.size(); i++) {
            String field = taken.get(i);
            if (field == null || field.isEmpty()) {
                ignored.add(headers.get(i));
            } else {
                used.put(headers.get(i), field);
            }
        }
        return new ColumnMapping(columns, used, ignored);
    }
}
