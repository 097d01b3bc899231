package vn.temso.catalog.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import vn.temso.catalog.feed.Channel;
import vn.temso.catalog.feed.ColumnMapping;
import vn.temso.catalog.feed.FeedOptions;
import vn.temso.catalog.feed.InvalidMappingException;
import vn.temso.catalog.feed.MappingProblem;
import vn.temso.catalog.publish.FeedPublisher;
import vn.temso.catalog.publish.PublishPolicy;
import vn.temso.catalog.publish.PublishResult;
import vn.temso.catalog.validate.ItemReport;

/**
 * {@code catalog-sync --catalog catalog.json --channel google-xml --out feed.xml [--mapping m.json] [--today 2026-11-22]}
 * <p>
 * Exit codes: 0 published, 2 bad input (message on stderr, no stack trace), 3 held back by the
 * publish gate (the previous file at --out is untouched).
 */
public final class CatalogSyncCli {

    public static final int OK = 0;
    public static final int BAD_INPUT = 2;
    public static final int HELD_BACK = 3;

    private static final Set<String> OPTIONS = Set.of(
            "--catalog",
            "--channel",
            "--out",
            "--mapping",
            "--today",
            "--max-invalid-share",
            "--max-shrink-share",
            "--feed-title",
            "--feed-link",
            "--feed-description");
    private static final int SHOWN_ITEMS = 50;

    /** Held so the level sticks: the CLI prints its own report, the library's log lines would repeat it. */
    private static final Logger LIBRARY_LOG = Logger.getLogger("vn.temso.catalog");

    private CatalogSyncCli() {}

    public static void main(String[] args) {
        LIBRARY_LOG.setLevel(Level.SEVERE);
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(System.err, true, StandardCharsets.UTF_8);
        System.exit(run(args, out, err));
    }

    /** Runs the CLI and returns the exit code (separate from {@link #main} so tests need no new JVM). */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        try {
            Map<String, String> opts = parse(args);
            Path catalog = Path.of(required(opts, "--catalog"));
            Channel channel = Channel.fromCliName(required(opts, "--channel"));
            if (!channel.writesFile()) {
                throw new IllegalArgumentException("channel " + channel.cliName() + " has no feed file");
            }
            Path target = Path.of(required(opts, "--out")).toAbsolutePath();
            if (target.getFileName() == null || Files.isDirectory(target)) {
                throw new IllegalArgumentException("--out must name a file, got " + target);
            }
            LocalDate today = opts.containsKey("--today")
                    ? LocalDate.parse(opts.get("--today"))
                    : LocalDate.now(Clock.system(FeedOptions.VIETNAM));
            ColumnMapping mapping = null;
            if (opts.containsKey("--mapping")) {
                if (channel != Channel.VOSO_CSV && channel != Channel.POSTMART_CSV) {
                    throw new IllegalArgumentException("--mapping applies to voso-csv and postmart-csv only");
                }
                try (InputStream in = Files.newInputStream(Path.of(opts.get("--mapping")))) {
                    mapping = ColumnMapping.fromJson(channel, in);
                }
            }
            PublishPolicy policy = new PublishPolicy(
                    share(opts, "--max-invalid-share", PublishPolicy.DEFAULT.maxInvalidShare()),
                    share(opts, "--max-shrink-share", PublishPolicy.DEFAULT.maxShrinkShare()),
                    PublishPolicy.DEFAULT.maxReportedItems());
            FeedOptions options = new FeedOptions(
                    today, opts.get("--feed-title"), opts.get("--feed-link"), opts.get("--feed-description"), mapping);

            PublishResult result;
            try (InputStream in = Files.newInputStream(catalog);
                    CatalogJsonReader entries =
                            new CatalogJsonReader(in, catalog.getFileName().toString())) {
                result = new FeedPublisher(target.getParent(), policy, Clock.systemUTC())
                        .publish(target.getFileName().toString(), channel, options, entries);
            }
            report(result, out);
            return result.published() ? OK : HELD_BACK;
        } catch (NoSuchFileException e) {
            err.println("catalog-sync: file not found: " + e.getFile());
            return BAD_INPUT;
        } catch (InvalidMappingException e) {
            // one line per broken rule, with its code, as the service's 400 answer lists them
            for (MappingProblem p : e.problems()) {
                err.println("catalog-sync: mapping [" + p.rule().code() + "] " + p.message());
            }
            return BAD_INPUT;
        } catch (CatalogFormatException | IllegalArgumentException | DateTimeParseException e) {
            err.println("catalog-sync: " + e.getMessage());
            err.println(usage());
            return BAD_INPUT;
        } catch (IOException | UncheckedIOException e) {
            err.println("catalog-sync: I/O error: " + e.getMessage());
            return BAD_INPUT;
        }
    }

    private static void report(PublishResult r, PrintStream out) {
        out.printf(
                Locale.ROOT,
                "%s: %d items written, %d invalid (%.1f %%), %d deleted dropped, last good feed %s%n",
                r.status(),
                r.itemsWritten(),
                r.itemsInvalid(),
                100 * r.invalidShare(),
                r.itemsDeleted(),
                r.previousItemCount() < 0 ? "none" : r.previousItemCount() + " items");
        out.println(r.feed() + ": " + r.message());
        int shown = 0;
        for (ItemReport item : r.invalidItems()) {
            if (shown++ == SHOWN_ITEMS) {
                out.println("  ... and " + (r.itemsInvalid() - SHOWN_ITEMS) + " more invalid items");
                break;
            }
            out.println("  invalid " + item.itemId() + ": " + item.errors());
        }
    }

    private static Map<String, String> parse(String[] args) {
        Map<String, String> opts = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            String name = args[i];
            if (!OPTIONS.contains(name)) {
                throw new IllegalArgumentException("unknown option \"" + name + "\"");
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(name + " needs a value");
            }
            opts.put(name, args[++i]);
        }
        return opts;
    }

    private static String required(Map<String, String> opts, String name) {
        String v = opts.get(name);
        if (v == null || v.isBlank()) {
            throw new IllegalArgumentException(name + " is required");
        }
        return v;
    }

    private static double share(Map<String, String> opts, String name, double dflt) {
        if (!opts.containsKey(name)) {
            return dflt;
        }
        try {
            return Double.parseDouble(opts.get(name));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a number between 0 and 1");
        }
    }

    static String usage() {
        return "usage: catalog-sync --catalog catalog.json --channel google-xml|google-tsv|meta-csv|voso-csv|postmart-csv|jsonld"
                + " --out FILE [--mapping mapping.json] [--today YYYY-MM-DD]"
                + " [--max-invalid-share 0.10] [--max-shrink-share 0.50] [--feed-title T] [--feed-link URL]";
    }
}
