package vn.temso.platform.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Start-up skips Liquibase only while the changelog is byte for byte the one the schema was migrated with. */
class SchemaFingerprintTest {

    @TempDir
    Path dir;

    @Test
    void theBuiltChangelogHasAStableFingerprint() {
        String f = SchemaMigrator.fingerprint(getClass().getClassLoader());
        assertTrue(f.matches("[0-9a-f]{64}"), f);
        assertEquals(f, SchemaMigrator.fingerprint(getClass().getClassLoader()));
    }

    @Test
    void anEditToAnIncludedFileChangesIt() throws IOException {
        write(
                "db/changelog/db.changelog-master.xml",
                "<databaseChangeLog>\n  <include file=\"db/changelog/001-a.xml\"/>\n</databaseChangeLog>");
        write("db/changelog/001-a.xml", "<databaseChangeLog><changeSet id=\"a\"/></databaseChangeLog>");
        String before = fingerprintOf();
        write("db/changelog/001-a.xml", "<databaseChangeLog><changeSet id=\"a2\"/></databaseChangeLog>");
        assertNotEquals(before, fingerprintOf());
    }

    private String fingerprintOf() throws IOException {
        try (URLClassLoader loader = new URLClassLoader(new URL[] {dir.toUri().toURL()}, null)) {
            return SchemaMigrator.fingerprint(loader);
        }
    }

    private void write(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }
}
