package vn.temso.printing.boundary;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.temso.label.template.SheetTemplate;
import vn.temso.label.template.Templates;
import vn.temso.label.template.ThermalTemplate;
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
}
