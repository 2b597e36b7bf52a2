package io.wellbase.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every {@code WELLBASE_*} variable that docs/operations.md lists is read by application.yml: Spring's relaxed
 * binding would map {@code WELLBASE_KEY_ENCRYPTION_KEY} to {@code wellbase.key.encryption.key}, not to the
 * property the table names, so a variable the file does not read silently does nothing (both the key-encryption
 * key and the backup folder did, until the container image was run with an external database).
 */
class EnvironmentVariablesDocTests {

    private static final Pattern VARIABLE = Pattern.compile("`(WELLBASE_[A-Z_]+)`");

    @Test
    void everyDocumentedVariableIsRead() throws IOException {
        String operations = Files.readString(Path.of("docs/operations.md"));
        String table = operations.substring(operations.indexOf("## Environment variables"));
        table = table.substring(0, table.indexOf("\n## ", 3));
        String yaml = Files.readString(Path.of("src/main/resources/application.yml"));
        List<String> documented = new ArrayList<>();
        for (String line :
                table.lines().filter(l -> l.startsWith("| `WELLBASE_")).toList()) {
            String firstCell = line.substring(1, line.indexOf('|', 1));
            Matcher m = VARIABLE.matcher(firstCell);
            while (m.find()) {
                documented.add(m.group(1));
            }
        }
        assertThat(documented).hasSizeGreaterThan(20);
        assertThat(documented)
                .as("variables docs/operations.md lists that application.yml never reads")
                .allMatch(v -> yaml.contains("${" + v + ":") || yaml.contains("${" + v + "}"));
    }
}
