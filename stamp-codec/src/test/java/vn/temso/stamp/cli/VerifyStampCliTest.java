package vn.temso.stamp.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.temso.stamp.StampVectors;

class VerifyStampCliTest {

    private static final String GENUINE_URL =
            StampVectors.canonical().get("url").asText();

    @TempDir
    Path dir;

    private Path jwks;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeEach
    void writeJwks() throws Exception {
        jwks = dir.resolve("jwks.json");
        Files.writeString(jwks, StampVectors.jwksJson());
    }

    @Test
    void shouldExitZeroAndPrintIdentifiersForAGenuineStamp() {
        assertEquals(0, run("--jwks", jwks.toString(), GENUINE_URL));
        String printed = out();
        assertTrue(printed.startsWith("GENUINE: "), printed);
        assertTrue(printed.contains("GTIN:     00893850100125"), printed);
        assertTrue(printed.contains("lot:      L2025-11-A07"), printed);
        assertTrue(printed.contains("serial:   7K3M9QXR2D"), printed);
        assertEquals(0, run("--base-url", "https://truyxuat.example.com/", "--jwks", jwks.toString(), GENUINE_URL));
    }

    @Test
    void shouldExitOneForTamperedRevokedAndUnknown() {
        for (var vector : StampVectors.vectors()) {
            int expected = switch (vector.verdict()) {
                case GENUINE -> 0;
                case MALFORMED -> 2;
                default -> 1;
            };
            assertEquals(expected, run("--jwks", jwks.toString(), vector.url()), vector.name());
            assertTrue(out().contains(vector.verdict().name()), vector.name());
        }
    }

    @Test
    void shouldExitTwoWithAClearMessageAndNoStackTrace() throws Exception {
        assertUsage(run(), "--jwks is required");
        assertUsage(run("--jwks"), "--jwks needs a value");
        assertUsage(run("--jwks", jwks.toString()), "no stamp URL given");
        assertUsage(run("--jwks", jwks.toString(), "--frobnicate", GENUINE_URL), "unknown option --frobnicate");
        assertUsage(run("--jwks", jwks.toString(), GENUINE_URL, GENUINE_URL), "exactly one stamp URL");
        assertUsage(run("--jwks", dir.resolve("missing.json").toString(), GENUINE_URL), "JWKS file not found");
        Path broken = Files.writeString(dir.resolve("broken.json"), "{\"keys\": 5}");
        assertUsage(run("--jwks", broken.toString(), GENUINE_URL), "\"keys\" array");
        assertUsage(run("--jwks", jwks.toString(), "--base-url", "ftp://x", GENUINE_URL), "--base-url");

        assertEquals(2, run("--jwks", jwks.toString(), "https://truyxuat.example.com/01/123"));
        assertTrue(out().startsWith("MALFORMED: "), out());
        assertEquals(2, run("--jwks", jwks.toString(), "--base-url", "https://other.example", GENUINE_URL));
        assertTrue(out().contains("not under the expected base URL"), out());
        assertFalse(err().contains("Exception"));
    }

    private void assertUsage(int status, String message) {
        assertEquals(2, status, err());
        assertTrue(err().contains(message), err());
        assertFalse(err().contains("Exception") || err().contains("\tat "), err());
    }

    private int run(String... args) {
        out.reset();
        err.reset();
        return VerifyStampCli.run(
                args,
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }
}
