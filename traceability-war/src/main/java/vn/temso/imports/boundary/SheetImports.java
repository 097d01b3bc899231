package vn.temso.imports.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Validator;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import vn.temso.imports.control.BatchRows;
import vn.temso.imports.control.EventRows;
import vn.temso.imports.control.FileProblem;
import vn.temso.imports.control.GeoZones;
import vn.temso.imports.control.ImportKind;
import vn.temso.imports.control.ImportLookups;
import vn.temso.imports.control.ImportResult;
import vn.temso.imports.control.Importer;
import vn.temso.imports.control.ProductRows;
import vn.temso.imports.control.RowSource;
import vn.temso.imports.control.Spreadsheets;
import vn.temso.imports.control.ZoneRows;

/**
 * One uploaded file through the importer: kept in a temporary file (at most {@code temso.import.max-bytes}), its
 * format told from its bytes, its rows mapped by {@link RowMappers} and applied by the kind's target. Used by the API
 * and by the import page.
 */
@ApplicationScoped
public class SheetImports {

    @Inject
    Importer importer;

    @Inject
    ImportLookups lookups;

    @Inject
    ZoneRows zoneRows;

    @Inject
    ProductRows productRows;

    @Inject
    BatchRows batchRows;

    @Inject
    EventRows eventRows;

    @Inject
    GeoZones geoZones;

    @Inject
    Validator validator;

    @Inject
    @ConfigProperty(name = "temso.import.max-bytes", defaultValue = "20000000")
    long maxBytes;

    public long maxBytes() {
        return maxBytes;
    }

    public ImportResult importFile(
            ImportKind kind,
            InputStream content,
            String cooperativeId,
            String codeProperty,
            Locale locale,
            boolean dryRun)
            throws IOException {
        Path tmp = Files.createTempFile("temso-import-", ".upload");
        try {
            copy(content, tmp, locale);
            String coop = lookups.targetCooperative(cooperativeId);
            Spreadsheets.Format format = Spreadsheets.sniff(tmp, locale);
            return switch (format) {
                case KML, GEOJSON -> {
                    if (kind != ImportKind.ZONES) {
                        throw FileProblem.unsupported(locale);
                    }
                    yield geoZones.run(tmp, format, codeProperty, coop, locale, dryRun);
                }
                default -> run(kind, Spreadsheets.rows(tmp, format, locale), coop, locale, dryRun);
            };
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private ImportResult run(ImportKind k, RowSource rows, String coop, Locale locale, boolean dryRun) {
        return switch (k) {
            case ZONES ->
                importer.run(k, coop, rows, RowMappers.zones(validator, coop), zoneRows.target(coop), locale, dryRun);
            case PRODUCTS ->
                importer.run(
                        k, coop, rows, RowMappers.products(validator, coop), productRows.target(coop), locale, dryRun);
            case BATCHES ->
                importer.run(
                        k,
                        coop,
                        rows,
                        RowMappers.batches(validator, lookups, coop),
                        batchRows.target(),
                        locale,
                        dryRun);
            case EVENTS ->
                importer.run(
                        k, coop, rows, RowMappers.events(validator, lookups, coop), eventRows.target(), locale, dryRun);
        };
    }

    private void copy(InputStream in, Path tmp, Locale locale) throws IOException {
        try (in;
                OutputStream out = Files.newOutputStream(tmp)) {
            byte[] buf = new byte[65536];
            long total = 0;
            for (int n; (n = in.read(buf)) > 0; ) {
                total += n;
                if (total > maxBytes) {
                    throw FileProblem.tooLarge(locale, maxBytes);
                }
                out.write(buf, 0, n);
            }
        }
    }
}
