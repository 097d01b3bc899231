package vn.temso.printing.boundary;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.temso.label.LabelPrinterException;
import vn.temso.label.pdf.PdfOptions;
import vn.temso.label.pdf.PdfSheetWriter;
import vn.temso.label.template.InvalidTemplateException;
import vn.temso.label.template.SheetTemplate;
import vn.temso.label.template.Templates;
import vn.temso.label.template.ThermalTemplate;
import vn.temso.platform.problem.Problems;
import vn.temso.platform.security.CurrentCaller;
import vn.temso.printing.control.LabelOutput;

@Path("label-templates")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Printing")
public class LabelTemplatesResource {

    @Inject
    CurrentCaller current;

    public record SheetView(String name, int columns, int rows, int labelsPerSheet, double labelWidthMm,
                            double labelHeightMm, double cornerRadiusMm, double pageWidthMm, double pageHeightMm) {
        static SheetView of(SheetTemplate t) {
            return new SheetView(t.name(), t.columns(), t.rows(), t.labelsPerSheet(), t.labelWidthMm(),
                    t.labelHeightMm(), t.cornerRadiusMm(), t.pageWidthMm(), t.pageHeightMm());
        }
    }

    public record ThermalView(String name, double widthMm, double heightMm) {
    }

    public record TemplatesView(List<SheetView> sheets, List<ThermalView> thermal, String defaultSheet,
                                String defaultThermal, List<Integer> thermalDpi) {
    }

    @GET
    @Operation(summary = "Sheet presets (PDF) and thermal label sizes (ZPL) to choose from when printing",
            description = "For ZPL, any sheet preset's label size is accepted too.")
    public TemplatesView list() {
        current.require();
        List<ThermalView> thermal = Templates.thermalPresetNames().stream().map(n -> {
            try {
                ThermalTemplate t = Templates.thermal(n, 203);
                return new ThermalView(n, t.widthMm(), t.heightMm());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }).toList();
        return new TemplatesView(Templates.sheetPresets().stream().map(SheetView::of).toList(), thermal,
                LabelOutput.DEFAULT_SHEET, LabelOutput.DEFAULT_THERMAL, List.of(203, 300, 600));
    }

    @GET
    @Path("{name}/calibration")
    @Produces({"application/pdf", MediaType.WILDCARD}) // a PDF whatever the client's Accept says
    @Operation(summary = "A one-page calibration PDF for a sheet preset: print it at 100 % on plain paper and hold it"
            + " against a sticker sheet to check the printer's alignment before printing labels")
    @APIResponse(responseCode = "200", description = "The PDF")
    @APIResponse(responseCode = "404", description = "No sheet preset of that name")
    public Response calibration(@PathParam("name") String name, @QueryParam("dpi") String dpi) {
        current.require();
        SheetTemplate template;
        try {
            template = Templates.sheetPreset(name);
        } catch (InvalidTemplateException e) {
            throw new Problems.NotFound("Sheet template", name);
        }
        return pdf(template, dpi);
    }

    @POST
    @Path("calibration")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces({"application/pdf", MediaType.WILDCARD}) // a PDF whatever the client's Accept says
    @Operation(summary = "The calibration PDF of a custom sheet template given as JSON (the label-printer format, see"
            + " docs/label-printer.md), to check a sheet brand that is not among the presets")
    @APIResponse(responseCode = "200", description = "The PDF")
    @APIResponse(responseCode = "400", description = "The template is not valid JSON or its geometry is impossible")
    public Response customCalibration(String json, @QueryParam("dpi") String dpi) {
        current.require();
        SheetTemplate template;
        try {
            template = Templates.sheetFromJson(new ByteArrayInputStream(
                    (json == null ? "" : json).getBytes(StandardCharsets.UTF_8)), "template");
        } catch (IOException | LabelPrinterException e) {
            throw new Problems.ValidationFailed("template", e.getMessage());
        }
        return pdf(template, dpi);
    }

    private static Response pdf(SheetTemplate template, String dpiParam) {
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
            new PdfSheetWriter(template, PdfOptions.defaults().withDpi(dpi)).writeCalibration(out);
        } catch (IOException | LabelPrinterException e) {
            throw new Problems.ValidationFailed("template", e.getMessage());
        }
        return Response.ok(out.toByteArray(), "application/pdf")
                .header("Content-Disposition", "inline; filename=\"calibration-" + template.name() + ".pdf\"").build();
    }
}
