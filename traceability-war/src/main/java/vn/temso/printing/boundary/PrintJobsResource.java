package vn.temso.printing.boundary;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.temso.platform.files.FileStore;
import vn.temso.printing.control.PrintJobs;

@Path("print-jobs")
@Tag(name = "Printing")
public class PrintJobsResource {

    @Inject
    PrintJobs printJobs;

    @Inject
    FileStore files;

    @GET
    @Path("{id}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Progress of a print job (labels done, percent) and its download link when DONE")
    @APIResponse(
            responseCode = "200",
            description = "The job",
            content =
                    @Content(
                            mediaType = "application/json",
                            examples =
                                    @ExampleObject(
                                            name = "running",
                                            value = "{\"id\":\"0c5e...\",\"status\":\"PRINTING\","
                                                    + "\"count\":20000,\"labelsDone\":8400,\"percent\":42}")))
    @APIResponse(responseCode = "404", description = "Unknown, or of a batch the caller may not see")
    public PrintJobView get(@PathParam("id") String id) {
        return PrintJobView.of(printJobs.job(id));
    }

    @GET
    @Path("{id}/download")
    // no @Produces: the media type is the job's (PDF or ZPL), whatever the client's Accept says
    @Operation(summary = "The printed file: a PDF for sticker sheets or ZPL for a thermal printer (attachment)")
    @APIResponse(responseCode = "200", description = "The file")
    @APIResponse(responseCode = "403", description = "The caller may see the batch but not print it")
    @APIResponse(responseCode = "409", description = "The job is not DONE yet, or failed")
    @APIResponse(
            responseCode = "410",
            description = "The file was deleted after temso.print.retention-days; the"
                    + " problem's detail names the serial range to reprint")
    public Response download(@PathParam("id") String id) {
        PrintJobs.Download d = printJobs.download(id);
        StreamingOutput body = out -> files.copy(d.file(), out); // a chunk at a time from the database
        return Response.ok(body, d.mediaType())
                .header(HttpHeaders.CONTENT_LENGTH, d.file().size())
                .header("Content-Disposition", "attachment; filename=\"" + d.fileName() + "\"")
                .build();
    }
}
