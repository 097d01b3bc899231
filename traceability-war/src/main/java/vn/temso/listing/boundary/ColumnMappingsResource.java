package vn.temso.listing.boundary;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.temso.catalog.feed.Channel;
import vn.temso.listing.control.ColumnMappings;
import vn.temso.platform.problem.Problems;

@Path("column-mappings")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(
        name = "Column mappings",
        description = "The column layouts of the Voso and Postmart CSV feeds, instance-wide (admins) or per"
                + " cooperative (its managers, admins). Google TSV and Meta CSV layouts are fixed by their"
                + " specifications: shown, never editable.")
public class ColumnMappingsResource {

    private static final String SCOPE = "A cooperative's id: its mapping (404 if the caller may not see it). Without"
            + " it: a cooperative's user gets their own cooperative, anyone else the instance-wide mapping.";

    private static final String EXAMPLE = "{\"columns\": [{\"header\": \"Mã SKU\", \"field\": \"id\"},"
            + " {\"header\": \"Tên sản phẩm\", \"field\": \"title\"}, {\"header\": \"Giá bán\", \"field\":"
            + " \"price_vnd\"}]}";

    @Inject
    ColumnMappings mappings;

    @GET
    @Operation(
            summary = "Every spreadsheet channel's layout in a scope, with its source, and the fields a column may"
                    + " carry",
            description = "source: builtin (catalog-sync's bundled guess; no public Voso or Postmart layout was"
                    + " found), instance, cooperative, or fixed (Google TSV, Meta CSV: fixed by their specifications,"
                    + " editable false). The effective mapping is the cooperative's, else the instance's, else the"
                    + " built-in one.")
    public ColumnMappingView.ListView list(@Parameter(description = SCOPE) @QueryParam("cooperativeId") String coop) {
        var list = mappings.list(coop);
        return new ColumnMappingView.ListView(
                list.isEmpty() ? null : list.get(0).cooperativeId(),
                list.stream().map(ColumnMappingView::of).toList(),
                ColumnMappingView.fields());
    }

    @GET
    @Path("{channel}")
    @Operation(summary = "One channel's effective layout in a scope (voso-csv, postmart-csv, google-tsv, meta-csv)")
    @APIResponse(responseCode = "404", description = "A cooperative the caller may not see, or that does not exist")
    public ColumnMappingView get(
            @PathParam("channel") String channel,
            @Parameter(description = SCOPE) @QueryParam("cooperativeId") String coop) {
        return ColumnMappingView.of(mappings.get(coop, channel(channel)));
    }

    @PUT
    @Path("{channel}")
    @Operation(
            summary = "Save the layout of voso-csv or postmart-csv for a cooperative or (admins) the instance",
            description = "Checked by catalog-sync's rules: an id and a title column, at most 60 columns, headers of at"
                    + " most 64 characters in NFC, no control characters, no leading = + - @, no duplicates, known"
                    + " fields. The affected feeds (the cooperative's, or every cooperative's for the instance) are"
                    + " regenerated in the next sync round. Audited.")
    @APIResponse(
            responseCode = "400",
            description = "validation-failed; each violation has field (the column's header, or mapping / channel),"
                    + " code (the rule: required-field, header-too-long, header-characters, header-not-nfc,"
                    + " header-blank, duplicate-header, unknown-field, too-many-columns, empty, fixed-layout) and"
                    + " message")
    @APIResponse(responseCode = "403", description = "The caller's role may not change this scope")
    @APIResponse(responseCode = "404", description = "A cooperative the caller may not see")
    public ColumnMappingView put(
            @PathParam("channel") String channel,
            @Parameter(description = SCOPE) @QueryParam("cooperativeId") String coop,
            @RequestBody(content = @Content(examples = @ExampleObject(name = "mapping", value = EXAMPLE)))
                    MappingRequest request) {
        return ColumnMappingView.of(
                mappings.save(coop, channel(channel), body(request).toColumns()));
    }

    @DELETE
    @Path("{channel}")
    @Operation(
            summary = "Remove the scope's mapping: back to the instance's, else the built-in layout",
            description = "Answers the layout now in effect. Feeds are regenerated as after a save.")
    public ColumnMappingView delete(
            @PathParam("channel") String channel,
            @Parameter(description = SCOPE) @QueryParam("cooperativeId") String coop) {
        return ColumnMappingView.of(mappings.reset(coop, channel(channel)));
    }

    @POST
    @Path("{channel}/preview")
    @Operation(
            summary = "The first " + ColumnMappings.PREVIEW_ROWS + " rows of a cooperative's feed written with a"
                    + " proposed layout, nothing saved",
            description = "Same entries, order and checks as the published feed: rows (one list of cells per item,"
                    + " in the order of headers) and csv (the file's text without its byte order mark). Needs a"
                    + " cooperative: an admin gives cooperativeId.")
    public ColumnMappingView.PreviewView preview(
            @PathParam("channel") String channel,
            @Parameter(description = SCOPE) @QueryParam("cooperativeId") String coop,
            @RequestBody(content = @Content(examples = @ExampleObject(name = "mapping", value = EXAMPLE)))
                    MappingRequest request) {
        return ColumnMappingView.PreviewView.of(
                mappings.preview(coop, channel(channel), body(request).toColumns()));
    }

    private static MappingRequest body(MappingRequest request) {
        return request == null ? new MappingRequest(null) : request;
    }

    private static Channel channel(String name) {
        try {
            return Channel.fromCliName(name);
        } catch (IllegalArgumentException e) {
            throw new Problems.ValidationFailed(
                    "channel", "channel is one of voso-csv, postmart-csv, google-tsv, meta-csv");
        }
    }
}
