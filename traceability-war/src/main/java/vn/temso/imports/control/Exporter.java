package vn.temso.imports.control;

import static vn.temso.platform.text.JsonProviders.JSON;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.stream.JsonGenerator;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.StringReader;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import vn.temso.batch.entity.Batch;
import vn.temso.batch.entity.BatchEvent;
import vn.temso.platform.security.Tenancy;
import vn.temso.platform.time.FarmTime;
import vn.temso.product.entity.OcopCertificate;
import vn.temso.product.entity.Product;
import vn.temso.zone.entity.Certification;
import vn.temso.zone.entity.MaterialZone;

/**
 * Exports what the caller may read, in the columns of the import sheets (so an exported file can be imported again)
 * plus a few read-only ones: .xlsx streamed with SXSSF (100 rows in memory per sheet), CSV (UTF-8 with a BOM, which
 * Excel needs to read Vietnamese), and the zones as a GeoJSON FeatureCollection for GIS tools. Records are read a page
 * at a time.
 */
@ApplicationScoped
public class Exporter {

    private static final int PAGE = 500;
    private static final DateTimeFormatter DMY = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final DateTimeFormatter DMY_TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");

    @PersistenceContext
    EntityManager em;

    @Inject
    Tenancy tenancy;

    /** The header of a kind's export: the import columns, then the read-only ones. */
    public static List<String> headers(ImportKind kind, Locale locale) {
        List<String> h = new ArrayList<>(
                kind.columns().stream().map(c -> c.header(locale)).toList());
        boolean en = "en".equals(locale.getLanguage());
        switch (kind) {
            case ZONES ->
                h.addAll(
                        en
                                ? List.of("Measured area (ha)", "Status", "All certifications")
                                : List.of("Diện tích đo (ha)", "Trạng thái", "Tất cả chứng nhận"));
            case BATCHES -> h.add(en ? "Status" : "Trạng thái");
            case EVENTS -> h.addAll(en ? List.of("Entry", "Corrects entry") : List.of("Mục", "Sửa cho mục"));
            default -> {}
        }
        return h;
    }

    public void csv(ImportKind kind, Locale locale, OutputStream out) throws IOException {
        Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        w.write('\uFEFF');
        CSVPrinter printer = new CSVPrinter(w, CSVFormat.DEFAULT);
        printer.printRecord(headers(kind, locale));
        rows(kind, row -> {
            try {
                printer.printRecord(row.stream().map(Exporter::csvText).toList());
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        printer.flush();
    }

    public void xlsx(List<ImportKind> kinds, Locale locale, OutputStream out) throws IOException {
        try (SXSSFWorkbook wb = new SXSSFWorkbook(100)) {
            wb.setCompressTempFiles(true);
            for (ImportKind kind : kinds) {
                Sheet sheet = wb.createSheet(kind.sheetName(locale));
                Row head = sheet.createRow(0);
                List<String> headers = headers(kind, locale);
                for (int i = 0; i < headers.size(); i++) {
                    head.createCell(i).setCellValue(headers.get(i));
                }
                int[] n = {1};
                rows(kind, values -> {
                    Row r = sheet.createRow(n[0]++);
                    for (int i = 0; i < values.size(); i++) {
                        Object v = values.get(i);
                        if (v == null) {
                            continue;
                        }
                        Cell c = r.createCell(i);
                        if (v instanceof Number num) {
                            c.setCellValue(num.doubleValue());
                        } else {
                            c.setCellValue(text(v));
                        }
                    }
                });
            }
            wb.write(out);
            wb.dispose();
        }
    }

    /** The readable zones with an outline as a GeoJSON FeatureCollection (WGS 84), properties in the sheet's terms. */
    public void geoJson(OutputStream out) {
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.writeStartObject().write("type", "FeatureCollection").writeStartArray("features");
            page(MaterialZone.class, "MaterialZone z", "z.cooperative", "z.code", z -> {
                if (z.getGeometryJson() == null) {
                    return;
                }
                g.writeStartObject().write("type", "Feature").writeStartObject("properties");
                g.write("code", z.getCode()).write("name", z.getName());
                optional(g, "commune", z.getCommune());
                optional(g, "district", z.getDistrict());
                optional(g, "province", z.getProvince());
                g.write("crop", z.getCrop());
                optional(g, "variety", z.getVariety());
                if (z.getDeclaredAreaHa() != null) {
                    g.write("declaredAreaHa", z.getDeclaredAreaHa());
                }
                if (z.getComputedAreaHa() != null) {
                    g.write("computedAreaHa", z.getComputedAreaHa());
                }
                g.write("status", z.getStatus().name());
                optional(g, "certifications", certifications(z));
                g.writeEnd();
                g.write(
                        "geometry",
                        JSON.createReader(new StringReader(z.getGeometryJson())).readObject());
                g.writeEnd();
            });
            g.writeEnd().writeEnd();
        }
    }

    private static void optional(JsonGenerator g, String name, String value) {
        if (value != null) {
            g.write(name, value);
        }
    }

    private void rows(ImportKind kind, Consumer<List<Object>> sink) {
        switch (kind) {
            case ZONES ->
                page(MaterialZone.class, "MaterialZone z", "z.cooperative", "z.code", z -> sink.accept(zone(z)));
            case PRODUCTS -> page(Product.class, "Product p", "p.cooperative", "p.gtin", p -> sink.accept(product(p)));
            case BATCHES ->
                page(Batch.class, "Batch b", "b.cooperative", "b.product.gtin, b.lotCode", b -> sink.accept(batch(b)));
            case EVENTS ->
                page(
                        BatchEvent.class,
                        "BatchEvent e",
                        "e.batch.cooperative",
                        "e.batch.product.gtin, e.batch.lotCode, e.occurredAt, e.id",
                        e -> sink.accept(event(e)));
        }
    }

    /** Every readable record of a type, a page at a time (the persistence context is emptied between pages). */
    private <T> void page(Class<T> type, String from, String coopPath, String order, Consumer<T> each) {
        Map<String, Object> params = new HashMap<>();
        String where = tenancy.scope(coopPath, params);
        String alias = from.substring(from.indexOf(' ') + 1);
        for (int first = 0; ; first += PAGE) {
            TypedQuery<T> q = em.createQuery(
                    "SELECT " + alias + " FROM " + from + " WHERE " + where + " ORDER BY " + order, type);
            params.forEach(q::setParameter);
            List<T> page = q.setFirstResult(first).setMaxResults(PAGE).getResultList();
            page.forEach(each);
            em.clear();
            if (page.size() < PAGE) {
                return;
            }
        }
    }

    private static List<Object> zone(MaterialZone z) {
        Certification first =
                z.getCertifications().isEmpty() ? null : z.getCertifications().get(0);
        return values(
                z.getCode(),
                z.getName(),
                z.getAddress(),
                z.getCommune(),
                z.getDistrict(),
                z.getProvince(),
                z.getCrop(),
                z.getVariety(),
                z.getDeclaredAreaHa(),
                z.getHouseholds(),
                z.getHarvestsPerYear(),
                first == null ? null : first.getScheme(),
                first == null ? null : first.getNumber(),
                first == null ? null : date(first.getValidUntil()),
                z.getComputedAreaHa(),
                z.getStatus().name(),
                certifications(z));
    }

    private static String certifications(MaterialZone z) {
        String all = z.getCertifications().stream()
                .map(c -> c.getScheme() + " " + c.getNumber()
                        + (c.getValidUntil() == null ? "" : " (" + date(c.getValidUntil()) + ")"))
                .collect(Collectors.joining("; "));
        return all.isEmpty() ? null : all;
    }

    private static List<Object> product(Product p) {
        OcopCertificate o = p.ocop();
        return values(
                p.getGtin(),
                p.getName(),
                p.getDescription(),
                p.getCategory(),
                p.getUnit(),
                p.getPriceVnd(),
                o == null ? null : o.getStars(),
                o == null || o.getProductGroup() == null
                        ? null
                        : o.getProductGroup().name(),
                o == null ? null : o.getScore(),
                o == null ? null : o.getDecisionNumber(),
                o == null ? null : date(o.getDecisionDate()),
                o == null || o.getLevel() == null ? null : o.getLevel().name(),
                o == null ? null : o.getAuthority(),
                o == null ? null : date(o.getValidUntil()));
    }

    private static List<Object> batch(Batch b) {
        return values(
                b.getProduct().getGtin(),
                b.getLotCode(),
                b.getZones().stream().map(MaterialZone::getCode).sorted().collect(Collectors.joining("; ")),
                date(b.getHarvestDate()),
                date(b.getExpiryDate()),
                b.getQuantity(),
                b.getUnit(),
                b.getStatus().name());
    }

    private static List<Object> event(BatchEvent e) {
        return values(
                e.getBatch().getProduct().getGtin(),
                e.getBatch().getLotCode(),
                null,
                e.getType().name(),
                e.getOccurredAt().atZone(FarmTime.ZONE).format(DMY_TIME),
                e.getZone() == null ? null : e.getZone().getCode(),
                e.getActor(),
                e.getInputName(),
                e.getDose(),
                e.getPreHarvestIntervalDays(),
                e.getPartyName(),
                e.getPartyGln(),
                e.getNote(),
                e.getId(),
                e.getCorrectsEventId());
    }

    private static List<Object> values(Object... v) {
        List<Object> l = new ArrayList<>(v.length);
        java.util.Collections.addAll(l, v);
        return l;
    }

    private static String date(LocalDate d) {
        return d == null ? null : d.format(DMY);
    }

    /**
     * A text cell that a spreadsheet program would run as a formula (=, +, -, @ first) is written with a leading
     * apostrophe (CSV injection); numbers are written as they are. The .xlsx export stores text cells as text.
     */
    static String csvText(Object v) {
        String t = text(v);
        if (v instanceof String && !t.isEmpty() && "=+-@\t\r".indexOf(t.charAt(0)) >= 0) {
            return "'" + t;
        }
        return t;
    }

    private static String text(Object v) {
        if (v == null) {
            return "";
        }
        return v instanceof BigDecimal d ? d.stripTrailingZeros().toPlainString() : v.toString();
    }
}
