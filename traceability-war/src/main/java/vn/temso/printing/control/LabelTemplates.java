package vn.temso.printing.control;

import static vn.temso.platform.text.JsonProviders.JSON;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParsingException;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import vn.temso.audit.control.AuditLog;
import vn.temso.cooperative.control.Cooperatives;
import vn.temso.cooperative.entity.Cooperative;
import vn.temso.label.LabelPrinterException;
import vn.temso.label.pdf.PdfOptions;
import vn.temso.label.pdf.PdfSheetWriter;
import vn.temso.label.template.InvalidTemplateException;
import vn.temso.label.template.SheetTemplate;
import vn.temso.label.template.Templates;
import vn.temso.platform.problem.ProblemException;
import vn.temso.platform.problem.Problems;
import vn.temso.platform.security.Caller;
import vn.temso.platform.security.CurrentCaller;
import vn.temso.platform.security.Role;
import vn.temso.platform.security.Tenancy;
import vn.temso.platform.security.TenantScope;
import vn.temso.printing.entity.CustomTemplate;

/**
 * Sheet templates: the label-printer presets, and custom templates a cooperative saves for sheet brands missing
 * from them (JSON in the label-printer format, validated by the library). Those who may print for a cooperative
 * (admins, its managers, the staff of its commune) save, delete and use its templates; members see them; nobody
 * else learns they exist (404). Calibration pages are for those who may print.
 */
@ApplicationScoped
@Transactional
public class LabelTemplates {

    static final int MAX_JSON_CHARS = 10_000;
    static final int MAX_NAME = 60;
    private static final int MAX_LISTED = 500;
    private static final Pattern BAD_NAME = Pattern.compile("[\\p{Cntrl}/\\\\?#%]");

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    CurrentCaller current;

    @Inject
    Tenancy tenancy;

    @Inject
    Cooperatives cooperatives;

    @Inject
    AuditLog audit;

    /**
     * Loads and validates a sheet template with label-printer.
     *
     * @throws Problems.ValidationFailed one violation per problem, each naming the JSON field it is about
     *                                   ({@code template} for JSON that does not parse)
     */
    public static SheetTemplate parse(String json) {
        if (json == null || json.isBlank()) {
            throw new Problems.ValidationFailed(
                    "template",
                    "a sheet template as JSON is required, e.g. {\"name\":"
                            + " \"my-sheet\", \"labelWidthMm\": 60, \"labelHeightMm\": 30, \"columns\": 3, \"rows\": 9,"
                            + " \"leftMarginMm\": 10, \"topMarginMm\": 5} (docs/label-printer.md)");
        }
        if (json.length() > MAX_JSON_CHARS) {
            throw new Problems.ValidationFailed(
                    "template", "a sheet template is at most " + MAX_JSON_CHARS + " characters of JSON");
        }
        try {
            return Templates.sheetFromJson(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "template");
        } catch (InvalidTemplateException e) {
            throw invalid(e);
        } catch (LabelPrinterException e) {
            throw new Problems.ValidationFailed("template", e.getMessage());
        } catch (IOException e) {
            throw new Problems.ValidationFailed("template", "not a readable sheet template: " + e.getMessage());
        }
    }

    /** The library's problems as violations, each naming the field the library names (no message parsing). */
    public static Problems.ValidationFailed invalid(InvalidTemplateException e) {
        return new Problems.ValidationFailed(
                e.getMessage(),
                e.problems().stream()
                        .map(p -> new ProblemException.Violation(p.field(), p.message()))
                        .toList());
    }

    /**
     * A saved template, to print or calibrate with. One saved before the printers' limits (issue 12) may no longer
     * be valid: that is a 400 on {@code template} naming each problem, and the template is not used.
     */
    public static SheetTemplate saved(CustomTemplate t) {
        try {
            return parse(t.getSheetJson());
        } catch (Problems.ValidationFailed e) {
            throw new Problems.ValidationFailed(
                    "template",
                    "The saved sheet template '" + t.getName() + "' is not"
                            + " printable ("
                            + String.join(
                                    "; ",
                                    e.violations().stream()
                                            .map(v -> v.field() + ": " + v.message())
                                            .toList())
                            + "); delete it and save a corrected one");
        }
    }

    /** The label-printer JSON of a template, with every dimension explicit (pitches, not gaps; page size). */
    public static String toJson(SheetTemplate t) {
        return JSON.createObjectBuilder()
                .add("name", t.name())
                .add("pageWidthMm", t.pageWidthMm())
                .add("pageHeightMm", t.pageHeightMm())
                .add("labelWidthMm", t.labelWidthMm())
                .add("labelHeightMm", t.labelHeightMm())
                .add("cornerRadiusMm", t.cornerRadiusMm())
                .add("columns", t.columns())
                .add("rows", t.rows())
                .add("leftMarginMm", t.leftMarginMm())
                .add("topMarginMm", t.topMarginMm())
                .add("horizontalPitchMm", t.horizontalPitchMm())
                .add("verticalPitchMm", t.verticalPitchMm())
                .build()
                .toString();
    }

    /** Names nobody may give a custom template: they would shadow a preset in print requests. */
    static boolean isPresetName(String name) {
        return Stream.concat(Templates.sheetPresetNames().stream(), Templates.thermalPresetNames().stream())
                .anyMatch(p -> p.equalsIgnoreCase(name));
    }

    /**
     * Saves a custom sheet template for a cooperative under the {@code name} in its JSON.
     *
     * @param cooperativeId required for admins and commune staff; a manager's own cooperative otherwise
     */
    public CustomTemplate create(String cooperativeId, String json) {
        Cooperative coop = printingCooperative(cooperativeId);
        List<ProblemException.Violation> bad = new ArrayList<>();
        SheetTemplate sheet = null;
        try {
            sheet = parse(json);
        } catch (ProblemException e) {
            bad.addAll(e.violations());
        }
        String name = nameIn(json);
        if (name == null) {
            if (bad.stream().noneMatch(v -> v.field().equals("template"))) {
                bad.add(
                        0,
                        new ProblemException.Violation(
                                "name", "name is required: the template is saved and" + " chosen under it"));
            }
        } else if (name.length() > MAX_NAME || BAD_NAME.matcher(name).find()) {
            bad.add(
                    0,
                    new ProblemException.Violation(
                            "name",
                            "name is 1 to " + MAX_NAME + " characters, without / \\ ? # % or control characters"));
        } else if (isPresetName(name)) {
            bad.add(
                    0,
                    new ProblemException.Violation(
                            "name", "'" + name + "' is the name of a preset; choose" + " another name"));
        }
        if (!bad.isEmpty()) {
            throw new Problems.ValidationFailed(bad.get(0).message(), bad);
        }
        long taken = em.createQuery(
                        "SELECT COUNT(t) FROM CustomTemplate t WHERE t.cooperative = :c" + " AND LOWER(t.name) = :n",
                        Long.class)
                .setParameter("c", coop)
                .setParameter("n", name.toLowerCase(Locale.ROOT))
                .getSingleResult();
        if (taken > 0) {
            throw new Problems.Conflict(coop.getName() + " already has a sheet template named '" + name
                    + "'; delete it first or choose another name");
        }
        CustomTemplate t =
                new CustomTemplate(coop, name, toJson(sheet), current.require().username(), clock.instant());
        em.persist(t);
        audit.record(coop, "create", "label-template", t.getId(), name + ": " + sheet.describe());
        return t;
    }

    private static String nameIn(String json) {
        try {
            JsonValue v = JSON.createReader(new StringReader(json == null ? "" : json))
                    .readValue();
            if (v instanceof JsonObject o
                    && o.get("name") instanceof JsonString s
                    && !s.getString().isBlank()) {
                return s.getString().strip();
            }
        } catch (JsonParsingException | IllegalStateException e) {
            // not JSON: label-printer has said so already
        }
        return null;
    }

    /** Custom templates of one cooperative (404 if the caller cannot see it), or of all the caller sees. */
    public List<CustomTemplate> list(String cooperativeId) {
        Caller caller = current.require();
        if (cooperativeId != null && !cooperativeId.isBlank()) {
            Cooperative coop = cooperatives.readable(cooperativeId.strip());
            return em.createQuery(
                            "SELECT t FROM CustomTemplate t WHERE t.cooperative = :c ORDER BY t.name, t.id",
                            CustomTemplate.class)
                    .setParameter("c", coop)
                    .setMaxResults(MAX_LISTED)
                    .getResultList();
        }
        Map<String, Object> params = new HashMap<>();
        var q = em.createQuery(
                        "SELECT t FROM CustomTemplate t WHERE "
                                + TenantScope.condition(caller, "t.cooperative", params)
                                + " ORDER BY t.cooperative.name, t.name, t.id",
                        CustomTemplate.class)
                .setMaxResults(MAX_LISTED);
        params.forEach(q::setParameter);
        return q.getResultList();
    }

    /** A custom template by id: 404 unless the caller sees its cooperative. */
    public CustomTemplate readable(String id) {
        return tenancy.readable(CustomTemplate.class, id, "Sheet template", CustomTemplate::getCooperative);
    }

    public void delete(String id) {
        CustomTemplate t = readable(id);
        mayPrint(t.getCooperative());
        em.remove(t);
        audit.record(t.getCooperative(), "delete", "label-template", t.getId(), t.getName());
    }

    /** For a print job: the cooperative's own template with this id or name (any case), or null. */
    public CustomTemplate ofCooperative(Cooperative coop, String idOrName) {
        if (idOrName == null || idOrName.isBlank()) {
            return null;
        }
        return em.createQuery(
                        "SELECT t FROM CustomTemplate t WHERE t.cooperative = :c AND (t.id = :v"
                                + " OR LOWER(t.name) = :n)",
                        CustomTemplate.class)
                .setParameter("c", coop)
                .setParameter("v", idOrName.strip())
                .setParameter("n", idOrName.strip().toLowerCase(Locale.ROOT))
                .getResultStream()
                .findFirst()
                .orElse(null);
    }

    /** The names of a cooperative's templates, for messages. */
    public List<String> names(Cooperative coop) {
        return em.createQuery(
                        "SELECT t.name FROM CustomTemplate t WHERE t.cooperative = :c ORDER BY t.name", String.class)
                .setParameter("c", coop)
                .setMaxResults(50)
                .getResultList();
    }

    /**
     * The sheet to print a calibration page for: a preset by name, a custom template by id, or by name among the
     * cooperatives the caller prints for ({@code cooperativeId} picks one when several have that name).
     */
    public SheetTemplate calibrationSheet(String idOrName, String cooperativeId) {
        Caller caller = requirePrinter();
        String wanted = idOrName == null ? "" : idOrName.strip();
        if (Templates.sheetPresetNames().contains(wanted)) {
            return Templates.sheetPreset(wanted);
        }
        CustomTemplate byId = em.find(CustomTemplate.class, wanted);
        if (byId != null) {
            mayPrint(readable(wanted).getCooperative());
            return saved(byId);
        }
        Map<String, Object> params = new HashMap<>();
        String where = TenantScope.condition(caller, "t.cooperative", params) + " AND LOWER(t.name) = :n";
        params.put("n", wanted.toLowerCase(Locale.ROOT));
        if (cooperativeId != null && !cooperativeId.isBlank()) {
            where += " AND t.cooperative.id = :coop";
            params.put("coop", cooperativeId.strip());
        }
        var q = em.createQuery("SELECT t FROM CustomTemplate t WHERE " + where, CustomTemplate.class);
        params.forEach(q::setParameter);
        List<CustomTemplate> found = q.getResultList().stream()
                .filter(t -> PrintJobs.mayPrint(caller, t.getCooperative()))
                .toList();
        if (found.isEmpty()) {
            throw new Problems.NotFound("Sheet template", wanted);
        }
        if (found.size() > 1) {
            throw new Problems.ValidationFailed(
                    "cooperativeId",
                    found.size() + " cooperatives have a sheet template" + " named '" + wanted
                            + "': give cooperativeId, or use the template's id");
        }
        return saved(found.get(0));
    }

    /** A one-page calibration PDF of the sheet; {@code dpi} as sent (default 300). */
    public static byte[] calibrationPdf(SheetTemplate sheet, String dpiParam) {
        int dpi;
        try {
            dpi = dpiParam == null || dpiParam.isBlank() ? 300 : Integer.parseInt(dpiParam.trim());
        } catch (NumberFormatException e) {
            dpi = -1;
        }
        if (dpi < 72 || dpi > 1200) {
            throw new Problems.ValidationFailed("dpi", "dpi is the printer's resolution, 72 to 1200 (default 300)");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            new PdfSheetWriter(sheet, PdfOptions.defaults().withDpi(dpi)).writeCalibration(out);
        } catch (InvalidTemplateException e) {
            throw invalid(e);
        } catch (IOException | LabelPrinterException e) {
            throw new Problems.ValidationFailed("template", e.getMessage());
        }
        return out.toByteArray();
    }

    /** Calibration pages are for those who print: admins, commune staff and cooperative managers. */
    public Caller requirePrinter() {
        Caller c = current.require();
        if (!c.is(Role.ADMIN, Role.COMMUNE_STAFF, Role.COOP_MANAGER)) {
            throw new Problems.Forbidden("Your role (" + c.role() + ") does not print labels");
        }
        return c;
    }

    /** The cooperative a new template belongs to, which the caller must be allowed to print for. */
    private Cooperative printingCooperative(String cooperativeId) {
        Caller c = current.require();
        String id = cooperativeId != null && !cooperativeId.isBlank() ? cooperativeId.strip() : c.cooperativeId();
        if (id == null) {
            throw new Problems.ValidationFailed(
                    "cooperativeId", "cooperativeId is required: the cooperative the" + " template is saved for");
        }
        return mayPrint(cooperatives.readable(id));
    }

    private Cooperative mayPrint(Cooperative coop) {
        Caller c = current.require();
        if (!PrintJobs.mayPrint(c, coop)) {
            throw new Problems.Forbidden("Your role (" + c.role() + ") may not change sheet templates or print"
                    + " labels for this cooperative");
        }
        return coop;
    }
}
