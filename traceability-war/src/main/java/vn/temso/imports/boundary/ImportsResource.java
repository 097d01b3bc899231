package vn.temso.imports.boundary;

import static vn.temso.platform.text.JsonProviders.JSON;

import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.EntityPart;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.temso.imports.control.FileProblem;
import vn.temso.imports.control.ImportKind;
import vn.temso.imports.control.ImportProblem;
import vn.temso.imports.control.ImportResult;
import vn.temso.imports.control.Messages;
import vn.temso.imports.control.Templates;
import vn.temso.platform.problem.Problems;
import vn.temso.platform.security.CurrentCaller;

@Path("imports")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Imports", description = "Zones, products, batches and diary entries from spreadsheets (.xlsx, CSV)")
public class ImportsResource {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    @Inject
    CurrentCaller current;

    @Inject
    SheetImports sheets;

    @GET
    @Path("{kind}/template")
    @Produces(XLSX)
    @Operation(
            summary = "The .xlsx template of a kind (zones, products, batches, events)",
            description = "Vietnamese header row, English row below it, a note on every header cell, a guide sheet.")
    public Response template(@PathParam("kind") String kind) {
        current.require();
        ImportKind k = ImportKind.of(kind);
        StreamingOutput body = out -> Templates.write(k, out);
        return Response.ok(body, XLSX)
                .header("Content-Disposition", "attachment; filename=\"temso-" + k.path() + "-mau.xlsx\"")
                .build();
    }

    @POST
    @Path("{kind}")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Operation(
            summary = "Import a sheet (.xlsx or CSV) of zones, products, batches or diary entries",
            description = "multipart/form-data with the file in the field 'file'. ?dryRun=true checks every row and"
                    + " writes nothing. A commit is all or nothing: with any problem nothing is written (422 listing"
                    + " them). Rows are matched on natural keys (zone code, GTIN, GTIN + lot, batch + entry id), so"
                    + " the same file again changes nothing. Zones also take a KML or GeoJSON FeatureCollection"
                    + " (?codeProperty=, default 'code'). Messages follow Accept-Language or ?lang= (vi, en).")
    @APIResponse(responseCode = "200", description = "Dry run, or committed: counts and problems")
    @APIResponse(responseCode = "422", description = "Not committed: the problems (row, column, message)")
    @APIResponse(responseCode = "413", description = "File or row count over the limit")
    @APIResponse(responseCode = "415", description = "Not a spreadsheet (nor KML/GeoJSON for zones)")
    public Response upload(
            @PathParam("kind") String kind,
            @QueryParam("dryRun") boolean dryRun,
            @QueryParam("cooperativeId") String cooperativeId,
            @QueryParam("codeProperty") String codeProperty,
            @QueryParam("lang") String lang,
            @HeaderParam("Accept-Language") String acceptLanguage,
            @HeaderParam("Content-Length") Long contentLength,
            @FormParam("file") EntityPart file)
            throws IOException {
        current.require();
        ImportKind k = ImportKind.of(kind);
        Locale locale = Messages.locale(lang != null ? lang : acceptLanguage == null ? "vi" : acceptLanguage);
        if (contentLength != null && contentLength > sheets.maxBytes() + 1_000_000) {
            throw FileProblem.tooLarge(locale, sheets.maxBytes());
        }
        if (file == null) {
            throw new Problems.ValidationFailed("file", "Send the file in the multipart field 'file'");
        }
        return answer(sheets.importFile(k, file.getContent(), cooperativeId, codeProperty, locale, dryRun), locale);
    }

    /** 200 with the counts for a dry run or a commit; 422 problem+json when problems kept the commit from happening. */
    static Response answer(ImportResult r, Locale locale) {
        boolean refused = !r.dryRun() && !r.committed();
        return Response.status(refused ? 422 : 200)
                .type(refused ? "application/problem+json" : MediaType.APPLICATION_JSON)
                .entity(body(r, locale))
                .build();
    }

    /** The answer's JSON: the counts and problems, with the problem+json members when nothing was committed. */
    public static String body(ImportResult r, Locale locale) {
        JsonObjectBuilder body = JSON.createObjectBuilder();
        boolean refused = !r.dryRun() && !r.committed();
        if (refused) {
            body.add("type", "https://temso.vn/problems/import/rows-refused")
                    .add("title", "The file has problems; nothing was written")
                    .add("status", 422)
                    .add(
                            "detail",
                            "en".equals(locale.getLanguage())
                                    ? r.problems().size() + " problem(s); nothing was written"
                                    : r.problems().size() + " lỗi; chưa ghi dữ liệu nào")
                    .add("instance", "urn:uuid:" + UUID.randomUUID());
        }
        body.add("kind", r.kind())
                .add("dryRun", r.dryRun())
                .add("committed", r.committed())
                .add("rows", r.rows())
                .add("created", r.created())
                .add("updated", r.updated())
                .add("unchanged", r.unchanged())
                .add("problems", list(r.problems()))
                .add("warnings", list(r.warnings()));
        return body.build().toString();
    }

    private static JsonArrayBuilder list(List<ImportProblem> problems) {
        JsonArrayBuilder a = JSON.createArrayBuilder();
        problems.forEach(p -> a.add(JSON.createObjectBuilder()
                .add("row", p.row())
                .add("column", p.column() == null ? "" : p.column())
                .add("message", p.message() == null ? "" : p.message())));
        return a;
    }
}
