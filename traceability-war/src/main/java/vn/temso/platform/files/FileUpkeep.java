package vn.temso.platform.files;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;
import vn.temso.platform.persistence.DerbyLifecycle;

/**
 * Keeps the file store tidy: every ten minutes deletes the chunks of versions orphaned more than an hour ago
 * (interrupted uploads, replaced and deleted files: an hour lets a download that began on the old version finish).
 * At start, once, imports what versions before the database store left in the data directory ({@code prints/},
 * {@code images/}, {@code feeds/}), keeping each file's date, then renames each imported directory to
 * {@code <name>.imported-<epoch seconds>} (kept, never deleted, so nothing can be lost; delete it by hand once
 * checked).
 */
@Singleton
@Startup
@DependsOn("SchemaMigrator") // the file tables
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class FileUpkeep {

    static final Duration GRACE = Duration.ofHours(1);
    static final List<String> LEGACY_DIRECTORIES = List.of("images", "prints", "feeds");
    private static final Logger LOG = Logger.getLogger(FileUpkeep.class.getName());

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Inject
    Clock clock;

    @Inject
    DatabaseFileStore store;

    private ScheduledFuture<?> task;

    @PostConstruct
    void start() {
        Path data = DerbyLifecycle.dataDirectory();
        scheduler.submit(() -> importLegacy(data));
        task = scheduler.scheduleWithFixedDelay(this::sweep, 10, 10, TimeUnit.MINUTES);
    }

    @PreDestroy
    void stop() {
        if (task != null) {
            task.cancel(false);
        }
    }

    private void sweep() {
        try {
            int n = store.sweep(clock.instant().minus(GRACE));
            if (n > 0) {
                LOG.fine(() -> "Deleted " + n + " old file versions");
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Deleting old file versions failed; retried in ten minutes", e);
        }
    }

    private void importLegacy(Path data) {
        for (String name : LEGACY_DIRECTORIES) {
            try {
                int n = importDirectory(store, data, name);
                if (n > 0) {
                    LOG.info(() -> "Imported " + n + " files of " + data.resolve(name) + " into the database; the"
                            + " directory is now " + name + ".imported and can be deleted once checked");
                }
            } catch (IOException | RuntimeException e) {
                LOG.log(
                        Level.WARNING,
                        "Importing " + data.resolve(name) + " into the database failed; retried at the"
                                + " next start (already imported files are skipped)",
                        e);
            }
        }
    }

    /**
     * Imports {@code <data>/<name>} (recursively) under the key prefix {@code <name>/}, skipping files already in the
     * store, then renames the directory. A product image's type is in its {@code <id>.type} side file.
     *
     * @return how many files were imported
     */
    static int importDirectory(FileStore store, Path data, String name) throws IOException {
        Path dir = data.resolve(name);
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        int imported = 0;
        List<Path> files;
        try (Stream<Path> walk = Files.walk(dir)) {
            files = walk.filter(Files::isRegularFile).sorted().toList();
        }
        for (Path f : files) {
            String fileName = f.getFileName().toString();
            if (fileName.endsWith(".part") || fileName.endsWith(".tmp") || fileName.endsWith(".type")) {
                continue; // unfinished writes; image types are read with their image
            }
            String rel = dir.relativize(f).toString().replace('\\', '/');
            if (fileName.endsWith(".last-good.properties")) { // a feed's last good item count
                rel = rel.substring(0, rel.length() - ".properties".length());
            }
            String key = name + "/" + rel;
            if (store.find(key).isPresent()) {
                continue;
            }
            String type = contentType(f);
            if (type == null) {
                LOG.warning(() -> "Not imported (unknown kind of file): " + f);
                continue;
            }
            try (FileStore.Upload u = store.create(key, type);
                    InputStream in = Files.newInputStream(f)) {
                in.transferTo(u.stream());
                u.commit(Files.getLastModifiedTime(f).toInstant());
            }
            imported++;
        }
        // the time only makes the kept directory's name unique (a one-off import at start-up): no clock needed
        Files.move(dir, data.resolve(name + ".imported-" + Instant.now().getEpochSecond()));
        return imported;
    }

    private static String contentType(Path f) throws IOException {
        String n = f.getFileName().toString();
        Path side = f.resolveSibling(n + ".type");
        if (Files.isRegularFile(side)) {
            return Files.readString(side).trim();
        }
        int dot = n.lastIndexOf('.');
        return switch (dot < 0 ? "" : n.substring(dot + 1)) {
            case "pdf" -> "application/pdf";
            case "zpl" -> "application/vnd.zebra.zpl";
            case "xml" -> "application/xml; charset=UTF-8";
            case "tsv" -> "text/tab-separated-values; charset=UTF-8";
            case "csv" -> "text/csv; charset=UTF-8";
            case "jsonld" -> "application/ld+json; charset=UTF-8";
            case "properties" -> "text/plain; charset=ISO-8859-1";
            default -> null;
        };
    }
}
