package vn.temso.label.template;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Built-in sheet and thermal presets, and custom templates loaded from JSON.
 *
 * <p>Sheet JSON (millimetres; give either the pitch or the gap in each direction, gap defaults to 0,
 * page defaults to A4):
 * <pre>{@code
 * {"name": "my-sheet", "pageWidthMm": 210, "pageHeightMm": 297,
 *  "labelWidthMm": 70, "labelHeightMm": 37, "cornerRadiusMm": 0,
 *  "columns": 3, "rows": 8, "leftMarginMm": 0, "topMarginMm": 0.5,
 *  "horizontalGapMm": 0, "verticalGapMm": 0}
 * }</pre>
 * Thermal JSON: {@code {"name": "roll-50x30", "widthMm": 50, "heightMm": 30, "dpi": 203}}.
 */
public final class Templates {

    private static final double A4_WIDTH = 210;
    private static final double A4_HEIGHT = 297;

    private static final Map<String, SheetTemplate> SHEETS = new LinkedHashMap<>();
    private static final Map<String, double[]> THERMAL = new LinkedHashMap<>();

    static {
        // Plain A4 cut into 3 x 8 with no gaps; 8 x 37 = 296 mm leaves 0.5 mm top and bottom.
        sheet(new SheetTemplate("3x8-70x37", A4_WIDTH, A4_HEIGHT, 70, 37, 0, 3, 8, 0, 0.5, 70, 37));
        // Avery L7160: 21 per sheet, 2.54 mm column gap, rounded corners.
        sheet(new SheetTemplate("avery-l7160", A4_WIDTH, A4_HEIGHT, 63.5, 38.1, 1.5, 3, 7, 7.21, 15.15, 66.04, 38.1));
        // Avery L7163: 14 per sheet, 2.5 mm column gap.
        sheet(new SheetTemplate("avery-l7163", A4_WIDTH, A4_HEIGHT, 99.1, 38.1, 1.5, 2, 7, 4.65, 15.15, 101.6, 38.1));
        // 40 per sheet, 48.5 x 25.4 mm, no gaps.
        sheet(new SheetTemplate("4x10", A4_WIDTH, A4_HEIGHT, 48.5, 25.4, 0, 4, 10, 8, 21.5, 48.5, 25.4));
        // 8 per sheet (Avery L7165 size), 2.5 mm column gap.
        sheet(new SheetTemplate("2x4", A4_WIDTH, A4_HEIGHT, 99.1, 67.7, 1.5, 2, 4, 4.65, 13.1, 101.6, 67.7));

        THERMAL.put("50x30", new double[] {50, 30});
        THERMAL.put("58x40", new double[] {58, 40});
        THERMAL.put("70x37", new double[] {70, 37});
        THERMAL.put("100x50", new double[] {100, 50});
    }

    private static final ObjectMapper JSON =
            new ObjectMapper().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private Templates() {}

    private static void sheet(SheetTemplate t) {
        SHEETS.put(t.name(), t);
    }

    /** Names of the built-in sheet presets, in display order. */
    public static List<String> sheetPresetNames() {
        return List.copyOf(SHEETS.keySet());
    }

    /** All built-in sheet presets, in display order. */
    public static List<SheetTemplate> sheetPresets() {
        return Collections.unmodifiableList(new ArrayList<>(SHEETS.values()));
    }

    /** Names of the built-in thermal label sizes (any sheet preset's label size works too). */
    public static List<String> thermalPresetNames() {
        return List.copyOf(THERMAL.keySet());
    }

    /** A built-in sheet preset by name. */
    public static SheetTemplate sheetPreset(String name) {
        SheetTemplate t = SHEETS.get(name);
        if (t == null) {
            throw new InvalidTemplateException("unknown sheet template '" + name + "'; presets: "
                    + String.join(", ", SHEETS.keySet()) + ", or the path of a .json template");
        }
        return t;
    }

    /** A preset name, or the path of a JSON sheet template. */
    public static SheetTemplate sheet(String presetOrPath) throws IOException {
        if (SHEETS.containsKey(presetOrPath)) {
            return SHEETS.get(presetOrPath);
        }
        if (presetOrPath.toLowerCase(java.util.Locale.ROOT).endsWith(".json")) {
            Path file = Path.of(presetOrPath);
            if (!Files.isRegularFile(file)) {
                throw new InvalidTemplateException("template file not found: " + file);
            }
            try (InputStream in = Files.newInputStream(file)) {
                return sheetFromJson(in, file.getFileName().toString());
            }
        }
        return sheetPreset(presetOrPath);
    }

    /**
     * Reads and validates a sheet template; {@code source} names it in error messages.
     *
     * @throws InvalidTemplateException with every problem, each naming the JSON field it is about
     */
    public static SheetTemplate sheetFromJson(InputStream json, String source) throws IOException {
        SheetJson j = parse(json, source, SheetJson.class);
        List<TemplateProblem> problems = new ArrayList<>();
        require(problems, "labelWidthMm", j.labelWidthMm);
        require(problems, "labelHeightMm", j.labelHeightMm);
        require(problems, "columns", j.columns);
        require(problems, "rows", j.rows);
        require(problems, "leftMarginMm", j.leftMarginMm);
        require(problems, "topMarginMm", j.topMarginMm);
        if (j.horizontalPitchMm != null && j.horizontalGapMm != null) {
            problems.add(new TemplateProblem("horizontalGapMm", "give horizontalPitchMm or horizontalGapMm, not both"));
        }
        if (j.verticalPitchMm != null && j.verticalGapMm != null) {
            problems.add(new TemplateProblem("verticalGapMm", "give verticalPitchMm or verticalGapMm, not both"));
        }
        gap(problems, "horizontalGapMm", j.horizontalGapMm);
        gap(problems, "verticalGapMm", j.verticalGapMm);
        String name = j.name != null ? j.name : source;
        if (!problems.isEmpty()) {
            throw new InvalidTemplateException("template '" + name + "'", problems);
        }
        double hPitch = j.horizontalPitchMm != null
                ? j.horizontalPitchMm
                : j.labelWidthMm + (j.horizontalGapMm != null ? j.horizontalGapMm : 0);
        double vPitch = j.verticalPitchMm != null
                ? j.verticalPitchMm
                : j.labelHeightMm + (j.verticalGapMm != null ? j.verticalGapMm : 0);
        try {
            return new SheetTemplate(
                    name,
                    or(j.pageWidthMm, A4_WIDTH),
                    or(j.pageHeightMm, A4_HEIGHT),
                    j.labelWidthMm,
                    j.labelHeightMm,
                    or(j.cornerRadiusMm, 0),
                    j.columns,
                    j.rows,
                    j.leftMarginMm,
                    j.topMarginMm,
                    hPitch,
                    vPitch);
        } catch (InvalidTemplateException e) {
            // the pitch was computed from the gap the writer gave: point at that field
            boolean hGap = j.horizontalGapMm != null;
            boolean vGap = j.verticalGapMm != null;
            if (!hGap && !vGap) {
                throw e;
            }
            throw new InvalidTemplateException(
                    "template '" + name + "'",
                    e.problems().stream()
                            .map(p -> hGap && p.field().equals("horizontalPitchMm")
                                    ? new TemplateProblem("horizontalGapMm", p.message())
                                    : vGap && p.field().equals("verticalPitchMm")
                                            ? new TemplateProblem("verticalGapMm", p.message())
                                            : p)
                            .toList());
        }
    }

    /**
     * A thermal label: a thermal preset name, a sheet preset name (its label size), or the path of a
     * JSON thermal or sheet template. {@code dpi} overrides the JSON's dpi when positive.
     */
    public static ThermalTemplate thermal(String presetOrPath, int dpi) throws IOException {
        int useDpi = dpi > 0 ? dpi : 203;
        if (THERMAL.containsKey(presetOrPath)) {
            double[] size = THERMAL.get(presetOrPath);
            return new ThermalTemplate(presetOrPath, size[0], size[1], useDpi);
        }
        if (SHEETS.containsKey(presetOrPath)) {
            return ThermalTemplate.of(SHEETS.get(presetOrPath), useDpi);
        }
        if (presetOrPath.toLowerCase(java.util.Locale.ROOT).endsWith(".json")) {
            Path file = Path.of(presetOrPath);
            if (!Files.isRegularFile(file)) {
                throw new InvalidTemplateException("template file not found: " + file);
            }
            byte[] bytes = Files.readAllBytes(file);
            String source = file.getFileName().toString();
            if (JSON.readTree(bytes).has("widthMm")) {
                return thermalFromJson(new java.io.ByteArrayInputStream(bytes), source, dpi);
            }
            return ThermalTemplate.of(sheetFromJson(new java.io.ByteArrayInputStream(bytes), source), useDpi);
        }
        throw new InvalidTemplateException("unknown thermal template '" + presetOrPath + "'; presets: "
                + String.join(", ", THERMAL.keySet()) + ", any sheet preset (" + String.join(", ", SHEETS.keySet())
                + "), or the path of a .json template");
    }

    /** Reads a thermal template; {@code dpiOverride} replaces its dpi when positive. */
    public static ThermalTemplate thermalFromJson(InputStream json, String source, int dpiOverride) throws IOException {
        ThermalJson j = parse(json, source, ThermalJson.class);
        List<TemplateProblem> problems = new ArrayList<>();
        require(problems, "widthMm", j.widthMm);
        require(problems, "heightMm", j.heightMm);
        String name = j.name != null ? j.name : source;
        if (!problems.isEmpty()) {
            throw new InvalidTemplateException("thermal template '" + name + "'", problems);
        }
        int dpi = dpiOverride > 0 ? dpiOverride : j.dpi != null ? j.dpi : 203;
        return new ThermalTemplate(name, j.widthMm, j.heightMm, dpi);
    }

    private static <T> T parse(InputStream json, String source, Class<T> type) throws IOException {
        try {
            T value = JSON.readValue(json, type);
            if (value == null) {
                throw new InvalidTemplateException(source + ": empty template");
            }
            return value;
        } catch (UnrecognizedPropertyException e) {
            throw InvalidTemplateException.ofField(
                    e.getPropertyName(),
                    source + ": unknown field '"
                            + e.getPropertyName() + "' (known: "
                            + String.join(
                                    ", ",
                                    e.getKnownPropertyIds().stream()
                                            .map(Object::toString)
                                            .sorted()
                                            .toList())
                            + ")",
                    e);
        } catch (JsonMappingException e) {
            // a value of the wrong type ("columns": "three"): name the field it is in
            String field = e.getPath().isEmpty() || e.getPath().get(0).getFieldName() == null
                    ? TemplateProblem.WHOLE_TEMPLATE
                    : e.getPath().get(0).getFieldName();
            throw badValue(source, field, e);
        } catch (JsonProcessingException e) {
            // a number out of range ("columns": 10000000000) is a parser error; the parser knows the field
            String field = e.getProcessor() instanceof JsonParser p
                            && p.getParsingContext() != null
                            && p.getParsingContext().getParent() != null
                            && p.getParsingContext().getParent().inRoot()
                            && p.getParsingContext().getCurrentName() != null
                    ? p.getParsingContext().getCurrentName()
                    : TemplateProblem.WHOLE_TEMPLATE;
            throw badValue(source, field, e);
        }
    }

    private static InvalidTemplateException badValue(String source, String field, JsonProcessingException e) {
        String what = field.equals(TemplateProblem.WHOLE_TEMPLATE) ? source : source + ", " + field;
        return InvalidTemplateException.ofField(field, what + ": not a valid template: " + e.getOriginalMessage(), e);
    }

    private static void require(List<TemplateProblem> problems, String field, Object value) {
        if (value == null) {
            problems.add(new TemplateProblem(field, field + " is required"));
        }
    }

    private static void gap(List<TemplateProblem> problems, String field, Double value) {
        if (value != null && (!(value >= 0) || value.isInfinite())) {
            problems.add(new TemplateProblem(field, field + " must be zero or more millimetres, not " + value));
        }
    }

    private static double or(Double value, double fallback) {
        return value != null ? value : fallback;
    }

    /** JSON shape of a sheet template; boxed so a missing field is told apart from 0. */
    record SheetJson(
            String name,
            Double pageWidthMm,
            Double pageHeightMm,
            Double labelWidthMm,
            Double labelHeightMm,
            Double cornerRadiusMm,
            Integer columns,
            Integer rows,
            Double leftMarginMm,
            Double topMarginMm,
            Double horizontalPitchMm,
            Double verticalPitchMm,
            Double horizontalGapMm,
            Double verticalGapMm) {}

    /** JSON shape of a thermal template. */
    record ThermalJson(String name, Double widthMm, Double heightMm, Integer dpi) {}
}
