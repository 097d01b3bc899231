package vn.temso.printing.boundary;

import static vn.temso.platform.text.JsonProviders.JSON;

import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.temso.label.template.SheetTemplate;
import vn.temso.label.template.TemplateLimits;
import vn.temso.label.template.Templates;
import vn.temso.label.template.ThermalTemplate;
import vn.temso.platform.problem.Problems;
import vn.temso.platform.security.CurrentCaller;
import vn.temso.printing.control.LabelOutput;
import vn.temso.printing.control.LabelTemplates;
import vn.temso.printing.entity.CustomTemplate;

@Path("label-templates")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Printing")
public class LabelTemplatesResource {

    static final String CUSTOM_EXAMPLE = "{\"name\": \"Tomy 3x9\", \"labelWidthMm\": 60, \"labelHeightMm\": 30,"
            + " \"cornerRadiusMm\": 2, \"columns\": 3, \"rows\": 9, \"leftMarginMm\": 10, \"topMarginMm\": 5,"
            + " \"horizontalGapMm\": 5, \"verticalGapMm\": 2}";

    @Inject
    CurrentCaller current;

    @Inject
    LabelTemplates templates;

    @Context
    UriInfo uri;

    public record SheetView(
            String name,
            int columns,
            int rows,
            int labelsPerSheet,
            double labelWidthMm,
            double labelHeightMm,
            double cornerRadiusMm,
            double pageWidthMm,
            double pageHeightMm,
            String calibration) {
        static SheetView of(SheetTemplate t) {
            return new SheetView(
                    t.name(),
                    t.columns(),
                    t.rows(),
                    t.labelsPerSheet(),
                    t.labelWidthMm(),
                    t.labelHeightMm(),
                    t.cornerRadiusMm(),
                    t.pageWidthMm(),
                    t.pageHeightMm(),
                    "/api/label-templates/" + t.name() + "/calibration");
        }
    }

    /**
     * A cooperative's saved sheet; {@code template} is its label-printer JSON (every dimension explicit). A template
     * saved before the printers' limits that breaks them is listed with {@code printable} false, its {@code problems}
     * and no sizes or calibration link (it cannot be printed; delete it and save a corrected one).
     */
    public record CustomView(
            String id,
            String name,
            String cooperativeId,
            String cooperativeName,
            int columns,
            int rows,
            int labelsPerSheet,
            double labelWidthMm,
            double labelHeightMm,
            double cornerRadiusMm,
            double pageWidthMm,
            double pageHeightMm,
            String description,
            JsonObject template,
            String createdBy,
            Instant createdAt,
            String calibration,
            boolean printable,
            List<String> problems) {
        static CustomView of(CustomTemplate c) {
            JsonObject json =
                    JSON.createReader(new StringReader(c.getSheetJson())).readObject();
            SheetTemplate t;
            try {
                t = LabelTemplates.parse(c.getSheetJson());
            } catch (Problems.ValidationFailed e) {
                List<String> problems = e.violations().stream()
                        .map(v -> v.field() + ": " + v.message())
                        .toList();
                return new CustomView(
                        c.getId(),
                        c.getName(),
                        c.getCooperative().getId(),
                        c.getCooperative().getName(),
                        0,
                        0,
                        0,
                        0,
                        0,
                        0,
                        0,
                        0,
                        "not printable: " + String.join("; ", problems),
                        json,
                        c.getCreatedBy(),
                        c.getCreatedAt(),
                        null,
                        false,
                        problems);
            }
            return new CustomView(
                    c.getId(),
                    c.getName(),
                    c.getCooperative().getId(),
                    c.getCooperative().getName(),
                    t.columns(),
                    t.rows(),
                    t.labelsPerSheet(),
                    t.labelWidthMm(),
                    t.labelHeightMm(),
                    t.cornerRadiusMm(),
                    t.pageWidthMm(),
                    t.pageHeightMm(),
                    t.describe(),
                    json,
                    c.getCreatedBy(),
                    c.getCreatedAt(),
                    "/api/label-templates/" + c.getId() + "/calibration",
                    true,
                    List.of());
        }
    }

    /** The physical limits every template is checked against (docs/label-printer.md, "Limits"). */
    public record LimitsView(
            double minLabelMm,
            double maxPageShortSideMm,
            double maxPageLongSideMm,
            int maxLabelsPerSheet,
            double maxThermalWidthMm,
            double maxThermalLengthMm,
            long maxThermalBitmapBytes) {
        static final LimitsView CURRENT = new LimitsView(
                TemplateLimits.MIN_LABEL_MM,
                TemplateLimits.MAX_PAGE_SHORT_SIDE_MM,
                TemplateLimits.MAX_PAGE_LONG_SIDE_MM,
                TemplateLimits.MAX_LABELS_PER_SHEET,
                TemplateLimits.MAX_THERMAL_WIDTH_MM,
                TemplateLimits.MAX_THERMAL_LENGTH_MM,
                TemplateLimits.MAX_RASTER_BYTES);
    }

    public record ThermalView(String name, double widthMm, double heightMm) {}

    public record TemplatesView(
            List<SheetView> sheets,
            List<CustomView> custom,
            List<ThermalView> thermal,
            String defaultSheet,
            String defaultThermal,
            List<Integer> thermalDpi,
            LimitsView limits) {}

    @GET
    @Operation(
            summary = "Sheet presets (PDF), the custom sheet templates of the cooperatives the caller sees, and"
                    + " thermal label sizes (ZPL) to choose from when printing",
            description = "A print job names a preset, or a custom template of the batch's cooperative by id or"
                    + " name. For ZPL, any sheet's label size is accepted too. cooperativeId limits the custom"
                    + " templates to one cooperative.")
    @APIResponse(responseCode = "404", description = "cooperativeId names a cooperative the caller does not see")
    public TemplatesView list(@QueryParam("cooperativeId") String cooperativeId) {
        current.require();
        List<ThermalView> thermal = Templates.thermalPresetNames().stream()
                .map(n -> {
                    try {
                        ThermalTemplate t = Templates.thermal(n, 203);
                        return new ThermalView(n, t.widthMm(), t.heightMm());
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                })
                .toList();
        return new TemplatesView(
                Templates.sheetPresets().stream().map(SheetView::of).toList(),
                templates.list(cooperativeId).stream().map(CustomView::of).toList(),
                thermal,
                LabelOutput.DEFAULT_SHEET,
                LabelOutput.DEFAULT_THERMAL,
                ThermalTemplate.SUPPORTED_DPI.stream().sorted().toList(),
                LimitsView.CURRENT);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Save a custom sheet template for a cooperative (a sticker-sheet brand missing from the"
                    + " presets)",
            description = "The body is a sheet template in the label-printer JSON format"
                    + " (docs/label-printer.md), validated by the library; its name is the one print jobs use. Admins and"
                    + " commune staff give cooperativeId; a manager saves for the own cooperative.")
    @APIResponse(responseCode = "201", description = "Saved; print with its id or name")
    @APIResponse(
            responseCode = "400",
            description = "Not JSON, an unknown field, impossible geometry or beyond the"
                    + " printers' limits (each problem names its field), or a missing or preset name")
    @APIResponse(responseCode = "403", description = "The caller sees the cooperative but does not print for it")
    @APIResponse(responseCode = "404", description = "Unknown cooperative, or not visible to the caller")
    @APIResponse(responseCode = "409", description = "The cooperative already has a template of that name")
    public Response create(
            @QueryParam("cooperativeId") String cooperativeId,
            @RequestBody(content = @Content(examples = @ExampleObject(name = "a 3 x 9 sheet", value = CUSTOM_EXAMPLE)))
                    String json) {
        CustomTemplate t = templates.create(cooperativeId, json);
        return Response.created(uri.getBaseUriBuilder()
                        .path("label-templates")
                        .path(t.getId())
                        .build())
                .entity(CustomView.of(t))
                .build();
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One custom sheet template")
    @APIResponse(responseCode = "404", description = "Unknown, or of a cooperative the caller does not see")
    public CustomView get(@PathParam("id") String id) {
        return CustomView.of(templates.readable(id));
    }

    @DELETE
    @Path("{id}")
    @Operation(summary = "Delete a custom sheet template (print jobs that used it keep a copy of its geometry)")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "403", description = "The caller sees the cooperative but does not print for it")
    @APIResponse(responseCode = "404", description = "Unknown, or of a cooperative the caller does not see")
    public Response delete(@PathParam("id") String id) {
        templates.delete(id);
        return Response.noContent().build();
    }

    @GET
    @Path("{name}/calibration")
    @Produces({"application/pdf", MediaType.WILDCARD}) // a PDF whatever the client's Accept says
    @Operation(
            summary = "A one-page calibration PDF for a sheet preset or a custom template: print it at 100 % on"
                    + " plain paper and hold it against a sticker sheet to check the printer's alignment before printing"
                    + " labels",
            description = "name: a preset's name, a custom template's id, or its name (cooperativeId"
                    + " chooses when several cooperatives the caller prints for have one of that name).")
    @APIResponse(responseCode = "200", description = "The PDF")
    @APIResponse(responseCode = "403", description = "The caller does not print labels (members)")
    @APIResponse(
            responseCode = "404",
            description = "No such template among the presets and the custom templates"
                    + " of the cooperatives the caller prints for")
    public Response calibration(
            @PathParam("name") String name,
            @QueryParam("cooperativeId") String cooperativeId,
            @QueryParam("dpi") String dpi) {
        return pdf(templates.calibrationSheet(name, cooperativeId), dpi);
    }

    @POST
    @Path("calibration")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces({"application/pdf", MediaType.WILDCARD}) // a PDF whatever the client's Accept says
    @Operation(
            summary = "The calibration PDF of a custom sheet template given as JSON (the label-printer format, see"
                    + " docs/label-printer.md), to check a sheet brand before saving it")
    @APIResponse(responseCode = "200", description = "The PDF")
    @APIResponse(
            responseCode = "400",
            description = "The template is not valid JSON, its geometry is impossible or"
                    + " beyond the printers' limits (page up to A3+, labels 10 mm or more, at most 500 per sheet); each"
                    + " violation names its field")
    @APIResponse(responseCode = "403", description = "The caller does not print labels (members)")
    public Response customCalibration(String json, @QueryParam("dpi") String dpi) {
        templates.requirePrinter();
        return pdf(LabelTemplates.parse(json), dpi);
    }

    private static Response pdf(SheetTemplate template, String dpi) {
        String file = "calibration-" + template.name().replaceAll("[^A-Za-z0-9._-]", "_") + ".pdf";
        return Response.ok(LabelTemplates.calibrationPdf(template, dpi), "application/pdf")
                .header("Content-Disposition", "inline; filename=\"" + file + "\"")
                .build();
    }
}
