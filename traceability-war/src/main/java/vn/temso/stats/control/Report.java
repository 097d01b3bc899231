package vn.temso.stats.control;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import vn.temso.platform.problem.Problems;
import vn.temso.product.entity.OcopGroup;
import vn.temso.zone.entity.ZoneStatus;

/**
 * The reports, each a table of named columns. A column of codes names its enum, so pages and files show its words
 * (message key {@code enum.<Type>.<CONSTANT>}); the JSON keeps the codes.
 */
public enum Report {
    SCANS_PER_DAY("scans-per-day", true, col("day"), col("scans")),
    SCANS_PER_PRODUCT(
            "scans-per-product", true, col("product"), col("gtin"), col("cooperative"), col("scans"), col("stamps")),
    STAMPS_ISSUED_SCANNED(
            "stamps-issued-scanned",
            true,
            col("product"),
            col("gtin"),
            col("cooperative"),
            col("issued"),
            col("stamps"),
            col("scans")),
    ALERTS("alerts", true, new Column("kind", Alert.class), col("count")),
    OCOP_BY_STARS("ocop-by-stars", false, col("stars"), col("products")),
    OCOP_BY_GROUP("ocop-by-group", false, new Column("group", OcopGroup.class), col("products")),
    OCOP_BY_COMMUNE("ocop-by-commune", false, col("commune"), col("products")),
    OCOP_EXPIRING(
            "ocop-expiring",
            false,
            col("product"),
            col("gtin"),
            col("cooperative"),
            col("stars"),
            col("validUntil"),
            col("daysLeft")),
    ZONES_BY_STATUS(
            "zones-by-status",
            false,
            new Column("status", ZoneStatus.class),
            col("zones"),
            col("declaredHa"),
            col("measuredHa")),
    ZONES_BY_CROP("zones-by-crop", false, col("crop"), col("zones"), col("declaredHa"), col("measuredHa")),
    COOPERATIVES_TRACED(
            "cooperatives-traced",
            true,
            col("commune"),
            col("cooperatives"),
            col("traced"),
            col("untraced"),
            col("sharePercent"));

    /** A column: its id (JSON key; header words under {@code stats.col.<id>}) and the enum of its codes, if any. */
    public record Column(String id, Class<? extends Enum<?>> codes) {}

    private final String id;
    private final boolean ranged;
    private final List<Column> columns;

    Report(String id, boolean ranged, Column... columns) {
        this.id = id;
        this.ranged = ranged;
        this.columns = List.of(columns);
    }

    private static Column col(String id) {
        return new Column(id, null);
    }

    /** The report's name in URLs and file names, e.g. {@code scans-per-day}. */
    public String id() {
        return id;
    }

    /** Does the date range matter? OCOP and zone reports show the state of today instead. */
    public boolean ranged() {
        return ranged;
    }

    public List<Column> columns() {
        return columns;
    }

    /** A report asked for by file name: {@code scans-per-day} (JSON), {@code scans-per-day.csv}, {@code .xlsx}. */
    public record File(Report report, String extension) {}

    /**
     * The report and format a name asks for; a name with no extension takes {@code format} (null: json). An unknown
     * report is a 404, an unknown format a 400.
     */
    public static File ofFile(String name, String format) {
        int dot = name.lastIndexOf('.');
        String id = dot < 0 ? name : name.substring(0, dot);
        String ext = dot < 0 ? format : name.substring(dot + 1);
        ext = ext == null || ext.isBlank() ? "json" : ext.strip().toLowerCase(Locale.ROOT);
        Report report = of(id).orElseThrow(() -> new Problems.NotFound("Report", name));
        if (!List.of("json", "csv", "xlsx").contains(ext)) {
            throw new Problems.ValidationFailed("format", "format must be json, csv or xlsx");
        }
        return new File(report, ext);
    }

    public static Optional<Report> of(String id) {
        return Arrays.stream(values()).filter(r -> r.id.equals(id)).findFirst();
    }
}
