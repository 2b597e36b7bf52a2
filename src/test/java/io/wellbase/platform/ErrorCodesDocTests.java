package io.wellbase.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * docs/error-codes.md lists every problem {@code code} the application can answer. This test scans
 * src/main/java for the codes handed to {@code ApiException} and {@code Problems} and to the code
 * switches of the error paths, and fails when the list and the sources disagree, so a new code cannot
 * ship undocumented and a removed one cannot linger.
 */
class ErrorCodesDocTests {

    private static final String CODE = "\"([a-z][a-z_]*(?:\\.[a-z][a-z_]*)*)\"";

    /** The factories whose first argument is a code ({@code invalidField} takes a field, {@code notFound} a noun). */
    private static final Pattern FACTORY = Pattern.compile(
            "ApiException\\.(?:badRequest|conflict|unprocessable|forbidden|unauthorized|tooManyRequests)\\(\\s*"
                    + CODE);

    /** {@code new ApiException(HttpStatus.X, "code", ...)}, {@code super(HttpStatus.X, "code", ...)}, {@code Problems.of(HttpStatus.X, "code", ...)}. */
    private static final Pattern WITH_STATUS = Pattern.compile("HttpStatus\\.[A-Z_]+\\s*,\\s*" + CODE);

    /** {@code String code = switch (...) { ... };} and {@code codeFor(...) { return switch ... };}: every literal inside is a code. */
    private static final Pattern CODE_SWITCH = Pattern.compile(
            "(?:[cC]ode\\s*=\\s*switch|codeFor\\([^)]*\\)\\s*\\{\\s*return\\s+switch)\\s*\\([^)]*\\)\\s*\\{(.*?)\\};",
            Pattern.DOTALL);

    /**
     * An enum constant that carries its code and its detail, e.g. {@code NONE_VALID("membership.none_valid",
     * "The client has …")} (dotted codes only; an enum of event or message names carries no detail).
     */
    private static final Pattern ENUM_CODE =
            Pattern.compile("\\b[A-Z][A-Z0-9_]*\\(\\s*\"([a-z][a-z_]*(?:\\.[a-z][a-z_]*)+)\"\\s*,\\s*\"");

    private static final Pattern DOC_ROW = Pattern.compile("^\\|\\s*`([^`]+)`\\s*\\|", Pattern.MULTILINE);

    /** Every code raised in the sources, with the files that raise it. */
    static Map<String, Set<String>> raisedCodes(Path sources) throws IOException {
        Map<String, Set<String>> codes = new TreeMap<>();
        try (Stream<Path> files = Files.walk(sources)) {
            files.filter(p -> p.toString().endsWith(".java")).forEach(file -> {
                String text;
                try {
                    text = Files.readString(file);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                String name = file.getFileName().toString();
                for (Pattern pattern : new Pattern[] {FACTORY, WITH_STATUS, ENUM_CODE}) {
                    Matcher m = pattern.matcher(text);
                    while (m.find()) {
                        codes.computeIfAbsent(m.group(1), c -> new TreeSet<>()).add(name);
                    }
                }
                Matcher block = CODE_SWITCH.matcher(text);
                while (block.find()) {
                    Matcher literal = Pattern.compile(CODE).matcher(block.group(1));
                    while (literal.find()) {
                        codes.computeIfAbsent(literal.group(1), c -> new TreeSet<>())
                                .add(name);
                    }
                }
            });
        }
        return codes;
    }

    static Set<String> documentedCodes(String markdown) {
        Set<String> codes = new TreeSet<>();
        Matcher m = DOC_ROW.matcher(markdown);
        while (m.find()) {
            codes.add(m.group(1));
        }
        return codes;
    }

    @Test
    void everyRaisedCodeIsDocumentedAndEveryDocumentedCodeIsRaised() throws IOException {
        Set<String> raised = raisedCodes(Path.of("src/main/java")).keySet();
        Set<String> documented = documentedCodes(Files.readString(Path.of("docs/error-codes.md")));
        assertThat(raised)
                .as("the scan finds the codes at all")
                .contains(
                        "booking.session_full",
                        "not_found",
                        "validation_failed",
                        "request.malformed",
                        "auth.unauthenticated",
                        "membership.none_valid");
        assertThat(documented)
                .as("codes raised in src/main/java but missing from docs/error-codes.md")
                .containsAll(raised);
        assertThat(raised)
                .as("codes in docs/error-codes.md that src/main/java no longer raises")
                .containsAll(documented);
    }

    @Test
    void theScanSeesEachWayOfRaisingACodeAndNothingElse() throws IOException {
        Path dir = Files.createTempDirectory("error-codes");
        Files.writeString(dir.resolve("Sample.java"), """
                class Sample {
                    void raise() {
                        throw ApiException.conflict("sample.factory", "detail");
                    }
                    static final class Full extends ApiException {
                        Full() {
                            super(org.springframework.http.HttpStatus.CONFLICT, "sample.super", "detail");
                        }
                    }
                    Object problem() {
                        return Problems.of(HttpStatus.BAD_REQUEST,
                                "sample.problem", "detail");
                    }
                    String code(int status) {
                        String code = switch (status) {
                            case 400 -> "sample.arm";
                            default -> status >= 500 ? "sample.server" : "sample.client";
                        };
                        return code;
                    }
                    void notCodes() {
                        throw ApiException.invalidField("address.country", "must be a country");
                        audit.record(AuditRecord.of(orgId, "sample.audited", "sample", id, Map.of()));
                        throw ApiException.notFound("sample");
                    }
                }
                """);
        assertThat(raisedCodes(dir).keySet())
                .containsExactlyInAnyOrder(
                        "sample.factory",
                        "sample.super",
                        "sample.problem",
                        "sample.arm",
                        "sample.server",
                        "sample.client");
        assertThat(documentedCodes("| code | x |\n|---|---|\n| `a.b` | 409 |\n| `c` | 400 |\nno `d.e` here\n"))
                .containsExactly("a.b", "c");
    }
}
