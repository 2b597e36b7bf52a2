package io.wellbase.scheduling;

import static org.assertj.core.api.Assertions.assertThat;

import io.wellbase.support.IntegrationTest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The TypeScript SDK (sdk/typescript) against this running server: its smoke script signs in, switches to the
 * organization, finds a session in the timetable and books a client through the typed client, then reads a
 * second booking's refusal as a problem. Needs Node.js 20+; the SDK is built here when bin/test has not built it.
 */
class TypeScriptSdkSmokeIntegrationTests extends IntegrationTest {

    private static final Path SDK = Path.of("sdk/typescript");

    @Test
    void theSdkSignsInAndBooksAClass() throws Exception {
        Owner owner = ownerWithOrganization("SDK Studio");
        SchedulingFixture studio = SchedulingFixture.create(api, owner.token());
        UUID session = studio.session(8);
        UUID client = studio.member("Sdk");
        buildTheSdkUnlessBuilt();

        Run run = run(
                List.of("node", "dist/smoke.js"),
                Map.of(
                        "WELLBASE_URL", "http://localhost:" + port,
                        "WELLBASE_EMAIL", owner.email(),
                        "WELLBASE_PASSWORD", PASSWORD,
                        "WELLBASE_ORGANIZATION", owner.orgId().toString(),
                        "WELLBASE_SESSION", session.toString(),
                        "WELLBASE_CLIENT", client.toString()));

        assertThat(run.exit()).as(run.output()).isZero();
        String lastLine = run.output().strip().lines().reduce((a, b) -> b).orElse("");
        JsonNode printed = JsonMapper.builder().build().readTree(lastLine);
        assertThat(printed.path("booking").path("sessionId").asString()).isEqualTo(session.toString());
        assertThat(printed.path("booking").path("clientId").asString()).isEqualTo(client.toString());
        assertThat(printed.path("spotsLeftBefore").asInt()).isEqualTo(8);
        assertThat(printed.path("secondBooking").asString()).startsWith("409");
        assertThat(jdbc.sql("SELECT count(*) FROM bookings WHERE session_id = :s AND client_id = :c")
                        .param("s", session)
                        .param("c", client)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    private static void buildTheSdkUnlessBuilt() throws Exception {
        if (Files.exists(SDK.resolve("dist/smoke.js"))) {
            return;
        }
        if (!Files.isDirectory(SDK.resolve("node_modules"))) {
            Run install = run(List.of("npm", "ci", "--no-audit", "--no-fund"), Map.of());
            assertThat(install.exit()).as(install.output()).isZero();
        }
        Run build = run(List.of("npm", "run", "build"), Map.of());
        assertThat(build.exit()).as(build.output()).isZero();
    }

    private record Run(int exit, String output) {}

    private static Run run(List<String> command, Map<String, String> environment) throws IOException {
        ProcessBuilder builder =
                new ProcessBuilder(command).directory(SDK.toFile()).redirectErrorStream(true);
        builder.environment().putAll(environment);
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new AssertionError(
                    "the SDK smoke test needs Node.js 20+ and npm on the PATH (" + e.getMessage() + ")", e);
        }
        try {
            if (!process.waitFor(180, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError(String.join(" ", command) + " did not finish in 180 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
        return new Run(
                process.exitValue(), new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
    }
}
