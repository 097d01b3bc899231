package vn.temso.imports.boundary;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.temso.imports.control.Exporter;
import vn.temso.imports.control.ImportKind;
import vn.temso.imports.control.Messages;
import vn.temso.platform.problem.Problems;
import vn.temso.platform.security.CurrentCaller;

@Path("exports")
@Tag(name = "Exports", description = "What the caller may read, as .xlsx, CSV or GeoJSON")
public class ExportsResource {

    private static final Pattern FILE = Pattern.compile("(zones|products|batches|events)\\.(csv|xlsx|geojson)");

    @Inject
    Exporter exporter;

    @Inject
    CurrentCaller current;

    @GET
    @Path("all.xlsx")
    @Operation(
            summary = "Zones, products, batches and the diary as one .xlsx workbook (one sheet per kind)",
            description = "Columns of the import templates (an export imports again) plus read-only ones; streamed.")
    public Response all(@QueryParam("lang") String lang, @HeaderParam("Accept-Language") String acceptLanguage) {
        current.require();
        Locale l = locale(lang, acceptLanguage);
        StreamingOutput body = out -> exporter.xlsx(List.of(ImportKind.values()), l, out);
        return file(body, ImportsResource.XLSX, "temso.xlsx");
    }

    @GET
    @Path("{file}") // checked below, not by a regular expression in the path: OpenAPI clients read it as a name
    @Operation(
            summary = "One kind as CSV (UTF-8 with BOM) or .xlsx; zones also as GeoJSON (zones.geojson)",
            description = "events = the farm diary of every batch. Only the caller's cooperatives are exported.")
    public Response one(
            @PathParam("file") String file,
            @QueryParam("lang") String lang,
            @HeaderParam("Accept-Language") String acceptLanguage) {
        current.require();
        if (file == null || !FILE.matcher(file).matches()) {
            throw new Problems.NotFound("Export", String.valueOf(file));
        }
        Locale l = locale(lang, acceptLanguage);
        String name = file.substring(0, file.indexOf('.'));
        String ext = file.substring(file.indexOf('.') + 1);
        ImportKind kind = ImportKind.of(name);
        return switch (ext) {
            case "csv" -> file(out -> exporter.csv(kind, l, out), "text/csv; charset=UTF-8", "temso-" + file);
            case "xlsx" -> file(out -> exporter.xlsx(List.of(kind), l, out), ImportsResource.XLSX, "temso-" + file);
            default -> {
                if (kind != ImportKind.ZONES) {
                    throw new Problems.NotFound("Export", file);
                }
                yield file(exporter::geoJson, "application/geo+json", "temso-" + file);
            }
        };
    }

    private static Locale locale(String lang, String acceptLanguage) {
        return Messages.locale(lang != null ? lang : acceptLanguage == null ? "vi" : acceptLanguage);
    }

    private static Response file(StreamingOutput body, String type, String name) {
        return Response.ok(body, type)
                .header("Content-Disposition", "attachment; filename=\"" + name + "\"")
                .build();
    }
}
