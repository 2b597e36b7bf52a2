package io.wellbase;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * Module boundaries: modules use each other only through their API packages, with no cycles; the
 * module documentation in docs/modules is generated from the same model.
 *
 * <p>The documentation is generated into target/modules-docs and normalised (Spring Modulith writes
 * relations and list items in an order that changes from run to run, so those unordered runs of
 * lines are sorted), then compared with docs/modules; the test fails when they differ. To rewrite
 * docs/modules after a change to the modules, run
 * {@code ./mvnw -B verify -Dtest=ModularityTests -Dwellbase.docs.update=true} and commit the result.
 */
class ModularityTests {

    static final String UPDATE_PROPERTY = "wellbase.docs.update";
    static final String UPDATE_COMMAND = "./mvnw -B verify -Dtest=ModularityTests -D" + UPDATE_PROPERTY + "=true";

    private static final Path COMMITTED = Path.of("docs/modules");
    private static final Path GENERATED = Path.of("target/modules-docs");

    private final ApplicationModules modules = ApplicationModules.of(Wellbase.class);

    @Test
    void modulesRespectTheirBoundaries() {
        modules.verify();
    }

    @Test
    void docsModulesMatchesTheCode() throws IOException {
        // Options.defaults() cleans the output folder first, so no stale file from an earlier run survives.
        new Documenter(modules, Documenter.Options.defaults().withOutputFolder(GENERATED.toString()))
                .writeModulesAsPlantUml()
                .writeIndividualModulesAsPlantUml()
                .writeModuleCanvases();

        TreeMap<String, String> generated = new TreeMap<>();
        for (Path file : documentationFiles(GENERATED)) {
            String name = file.getFileName().toString();
            String text = normalise(name, Files.readString(file, StandardCharsets.UTF_8));
            Files.writeString(file, text, StandardCharsets.UTF_8);
            generated.put(name, text);
        }
        assertThat(generated)
                .as("Spring Modulith wrote no documentation into " + GENERATED)
                .isNotEmpty();

        TreeMap<String, String> committed = new TreeMap<>();
        for (Path file : documentationFiles(COMMITTED)) {
            committed.put(
                    file.getFileName().toString(),
                    Files.readString(file, StandardCharsets.UTF_8).replace("\r\n", "\n"));
        }

        Set<String> changed = new TreeSet<>();
        generated.forEach((name, text) -> {
            if (!text.equals(committed.get(name))) {
                changed.add(name);
            }
        });
        Set<String> stale = new TreeSet<>(committed.keySet());
        stale.removeAll(generated.keySet());

        if (changed.isEmpty() && stale.isEmpty()) {
            return;
        }
        if (Boolean.getBoolean(UPDATE_PROPERTY)) {
            Files.createDirectories(COMMITTED);
            for (String name : changed) {
                Files.writeString(COMMITTED.resolve(name), generated.get(name), StandardCharsets.UTF_8);
            }
            for (String name : stale) {
                Files.delete(COMMITTED.resolve(name));
            }
            return;
        }
        List<String> problems = new ArrayList<>();
        changed.forEach(name -> problems.add(COMMITTED.resolve(name)
                + (committed.containsKey(name) ? " differs from " : " is missing; see ")
                + GENERATED.resolve(name)));
        stale.forEach(name -> problems.add(COMMITTED.resolve(name) + " is no longer generated"));
        throw new AssertionError("The module documentation in " + COMMITTED + " is out of date:\n  "
                + String.join("\n  ", problems)
                + "\nRegenerate it with `" + UPDATE_COMMAND + "` and commit the result.");
    }

    private static List<Path> documentationFiles(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(Files::isRegularFile)
                    .filter(f -> f.toString().endsWith(".puml") || f.toString().endsWith(".adoc"))
                    .sorted()
                    .toList();
        }
    }

    /** Sorts the runs of lines that Spring Modulith writes in no stable order; everything else stays as written. */
    static String normalise(String fileName, String text) {
        List<String> lines = List.of(text.replace("\r\n", "\n").split("\n", -1));
        List<String> out = fileName.endsWith(".puml") ? sortPlantUml(lines) : sortCanvas(lines);
        return String.join("\n", out);
    }

    private static final List<String> PLANTUML_SET_ELEMENTS = List.of("Rel(", "Component(");

    /** PlantUML: each consecutive run of {@code Rel(...)} lines (and of {@code Component(...)} lines) at one indentation. */
    private static List<String> sortPlantUml(List<String> lines) {
        List<String> out = new ArrayList<>();
        List<String> run = new ArrayList<>();
        String runKey = null;
        for (String line : lines) {
            String key = plantUmlKey(line);
            if (key == null || !key.equals(runKey)) {
                flushSorted(run, out);
            }
            if (key == null) {
                out.add(line);
            } else {
                run.add(line);
            }
            runKey = key;
        }
        flushSorted(run, out);
        return out;
    }

    private static String plantUmlKey(String line) {
        String body = line.stripLeading();
        String indentation = line.substring(0, line.length() - body.length());
        return PLANTUML_SET_ELEMENTS.stream()
                .filter(body::startsWith)
                .findFirst()
                .map(e -> indentation + e)
                .orElse(null);
    }

    private static void flushSorted(List<String> run, List<String> out) {
        run.sort(Comparator.naturalOrder());
        out.addAll(run);
        run.clear();
    }

    /**
     * Module canvas: each bullet list in a table cell ({@code |* first}, then {@code * next}, with any
     * {@code ** sub-item} lines belonging to the item above them) is sorted by item, sub-items too.
     */
    private static List<String> sortCanvas(List<String> lines) {
        List<String> out = new ArrayList<>();
        List<List<String>> items = new ArrayList<>();
        boolean cellStart = false;
        for (String line : lines) {
            boolean startsCell = line.startsWith("|* ");
            if (startsCell || line.startsWith("* ")) {
                if (startsCell) {
                    flushItems(items, cellStart, out);
                    cellStart = true;
                } else if (items.isEmpty()) {
                    cellStart = false;
                }
                items.add(new ArrayList<>(List.of(startsCell ? line.substring(1) : line)));
            } else if (line.startsWith("** ") && !items.isEmpty()) {
                items.getLast().add(line);
            } else {
                flushItems(items, cellStart, out);
                out.add(line);
            }
        }
        flushItems(items, cellStart, out);
        return out;
    }

    private static void flushItems(List<List<String>> items, boolean cellStart, List<String> out) {
        if (items.isEmpty()) {
            return;
        }
        List<String> rendered = new ArrayList<>();
        for (List<String> item : items) {
            List<String> subItems = new ArrayList<>(item.subList(1, item.size()));
            subItems.sort(Comparator.naturalOrder());
            rendered.add(String.join(
                    "\n",
                    Stream.concat(Stream.of(item.getFirst()), subItems.stream()).toList()));
        }
        rendered.sort(Comparator.naturalOrder());
        if (cellStart) {
            rendered.set(0, "|" + rendered.getFirst());
        }
        rendered.forEach(item -> out.addAll(List.of(item.split("\n", -1))));
        items.clear();
    }
}
