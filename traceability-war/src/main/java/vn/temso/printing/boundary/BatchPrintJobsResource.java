package vn.temso.printing.boundary;

import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.temso.platform.problem.Problems;
import vn.temso.platform.rest.Page;
import vn.temso.platform.rest.PageRequest;
import vn.temso.printing.control.PrintJobs;
import vn.temso.printing.control.PrintRunner;
import vn.temso.printing.entity.PrintJob;
import vn.temso.stamping.control.Stamps;

@Path("batches/{id}/print-jobs")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Printing", description = "Label sheets (PDF) and thermal labels (ZPL) for the stamps of a batch")
public class BatchPrintJobsResource {

    static final String EXAMPLE = "{\"format\": \"PDF\", \"template\": \"3x8-70x37\", \"startPosition\": 1,"
            + " \"cutMarks\": false, \"count\": 240}";
    static final String REPRINT_EXAMPLE =
            "{\"format\": \"ZPL\", \"template\": \"50x30\", \"dpi\": 300," + " \"fromSeq\": 101, \"toSeq\": 150}";

    @Inject
    PrintJobs printJobs;

    @Inject
    PrintRunner runner;

    @Context
    UriInfo uri;

    public record PrintRequest(
            @Size(max = 8) String format,
            @Size(max = 100) String template,
            Integer dpi,
            @Min(1) Integer startPosition,
            Boolean cutMarks,
            @Min(1) @Max(Stamps.MAX_PER_JOB) Integer count,
            @Min(1) Integer fromSeq,
            @Min(1) Integer toSeq) {
        // explicit canonical constructor: keeps the constraints off its parameters, where Payara's OpenAPI scanner
        // fails
        public PrintRequest(
                String format,
                String template,
                Integer dpi,
                Integer startPosition,
                Boolean cutMarks,
                Integer count,
                Integer fromSeq,
                Integer toSeq) {
            this.format = format;
            this.template = template;
            this.dpi = dpi;
            this.startPosition = startPosition;
            this.cutMarks = cutMarks;
            this.count = count;
            this.fromSeq = fromSeq;
            this.toSeq = toSeq;
        }
    }

    @POST
    @Operation(
            summary = "Print labels of a batch: issue N new stamps and print them, or reprint a seq range",
            description = "Give count (new stamps, same rules as issuing: open batch, active zones) or fromSeq/toSeq"
                    + " (reprint of existing stamps: the same serials, recorded as a reprint; refused for recalled"
                    + " batches; voided stamps are skipped). Jobs up to temso.printing.background-threshold labels"
                    + " run at once and answer 201 with the finished job; larger ones answer 202 and run in the"
                    + " background: follow Location for progress, then download. Admins, the cooperative's managers"
                    + " and the staff of its commune may print.")
    @APIResponse(
            responseCode = "201",
            description = "Printed; download from the job's download link",
            content =
                    @Content(
                            mediaType = "application/json",
                            examples =
                                    @ExampleObject(
                                            name = "done",
                                            value =
                                                    "{\"id\":\"0c5e...\",\"status\":\"DONE\",\"format\":\"PDF\",\"template\":\"3x8-70x37\",\"count\":30,"
                                                            + "\"fromSeq\":1,\"toSeq\":30,\"reprint\":false,\"percent\":100,"
                                                            + "\"download\":\"/api/print-jobs/0c5e.../download\"}")))
    @APIResponse(responseCode = "202", description = "Large job started in the background")
    @APIResponse(responseCode = "400", description = "Unknown format or template, bad dpi, start position or range")
    @APIResponse(responseCode = "403", description = "The caller sees the batch but may not print (members)")
    @APIResponse(responseCode = "404", description = "Unknown batch, or not visible to the caller")
    @APIResponse(
            responseCode = "422",
            description = "Batch closed or recalled, or a zone not active (new stamps);" + " batch recalled (reprint)")
    public Response print(
            @PathParam("id") String batchId,
            @RequestBody(
                            content =
                                    @Content(
                                            examples = {
                                                @ExampleObject(name = "new stamps on an A4 sheet", value = EXAMPLE),
                                                @ExampleObject(
                                                        name = "reprint on a thermal printer",
                                                        value = REPRINT_EXAMPLE)
                                            }))
                    @Valid
                    PrintRequest r) {
        if (r == null) {
            throw new Problems.ValidationFailed("format", "a body with format and count or fromSeq/toSeq is required");
        }
        PrintJob job = printJobs.start(
                batchId,
                new PrintJobs.Order(
                        r.format(),
                        r.template(),
                        r.dpi(),
                        r.startPosition(),
                        r.cutMarks(),
                        r.count(),
                        r.fromSeq(),
                        r.toSeq()));
        var location =
                uri.getBaseUriBuilder().path("print-jobs").path(job.getId()).build();
        if (printJobs.runsInBackground(job)) {
            runner.submit(job.getId());
            return Response.accepted(PrintJobView.of(job)).location(location).build();
        }
        runner.run(job.getId());
        return Response.created(location)
                .entity(PrintJobView.of(printJobs.job(job.getId())))
                .build();
    }

    @GET
    @Operation(summary = "The print history of a batch, newest first (who, when, which serials, template, reprints)")
    @APIResponse(responseCode = "404", description = "Unknown batch, or not visible to the caller")
    public Page<PrintJobView> list(
            @PathParam("id") String batchId, @QueryParam("page") String page, @QueryParam("size") String size) {
        var p = printJobs.list(batchId, PageRequest.of(page, size));
        return new Page<>(p.items().stream().map(PrintJobView::of).toList(), p.page(), p.size(), p.total());
    }
}
