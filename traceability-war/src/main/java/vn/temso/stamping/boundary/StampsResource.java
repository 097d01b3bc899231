package vn.temso.stamping.boundary;

import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
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
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriInfo;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.temso.platform.problem.Problems;
import vn.temso.platform.rest.Page;
import vn.temso.platform.rest.PageRequest;
import vn.temso.platform.security.CurrentCaller;
import vn.temso.stamping.control.StampKeys;
import vn.temso.stamping.control.Stamps;
import vn.temso.stamping.entity.IssuanceJob;
import vn.temso.stamping.entity.ScanTotals;
import vn.temso.stamping.entity.SigningKeyRecord;
import vn.temso.stamping.entity.Stamp;

@Path("batches/{id}/stamps")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Stamps", description = "Signed QR digital stamps (tem số): issuing, export, voiding, keys")
public class StampsResource {

    @Inject
    Stamps stamps;

    @Inject
    StampKeys keys;

    @Inject
    CurrentCaller current;

    @Context
    UriInfo uri;

    public record IssueRequest(
            @NotNull @Min(1) @Max(Stamps.MAX_PER_JOB) Integer count) {
        // explicit canonical constructor: keeps the constraints off its parameters, where Payara's OpenAPI scanner
        // fails
        public IssueRequest(Integer count) {
            this.count = count;
        }
    }

    public record VoidRequest(
            @NotNull @Min(1) Integer fromSeq,
            Integer toSeq,
            @Size(max = 500) String reason) {
        // explicit canonical constructor: keeps the constraints off its parameters, where Payara's OpenAPI scanner
        // fails
        public VoidRequest(Integer fromSeq, Integer toSeq, String reason) {
            this.fromSeq = fromSeq;
            this.toSeq = toSeq;
            this.reason = reason;
        }
    }

    public record JobView(
            String id,
            String batchId,
            int requested,
            int issued,
            int percent,
            String status,
            String error,
            Instant createdAt,
            Instant finishedAt) {
        public static JobView of(IssuanceJob j) {
            return new JobView(
                    j.getId(),
                    j.getBatchId(),
                    j.getRequested(),
                    j.getIssued(),
                    (int) (100L * j.getIssued() / j.getRequested()),
                    j.getStatus().name(),
                    j.getError(),
                    j.getCreatedAt(),
                    j.getFinishedAt());
        }
    }

    public record StampView(
            int seq,
            String serial,
            String url,
            String status,
            String kid,
            Instant issuedAt,
            int scanCount,
            Instant firstScanAt,
            Instant lastScanAt,
            boolean suspicious,
            String suspicion,
            Instant flaggedAt,
            String batchId) {
        /** @param withUrl whether the caller may hold the signed URL (else {@code url} is left out) */
        public static StampView of(Stamp s, ScanTotals t, boolean withUrl) {
            return new StampView(
                    s.getSeq(),
                    s.getSerial(),
                    withUrl ? s.getUrl() : null,
                    s.getStatus().name(),
                    s.getKid(),
                    s.getIssuedAt(),
                    t.count(),
                    t.first(),
                    t.last(),
                    s.isSuspicious(),
                    s.getSuspicion(),
                    s.getFlaggedAt(),
                    s.getBatch().getId());
        }

        /**
         * Views of a page of stamps, with their scan totals read in one query; the signed URL only for callers who
         * may hold it ({@link Stamps#holdsSignedUrl}).
         */
        public static List<StampView> of(List<Stamp> stamps, Stamps control) {
            var totals = control.scanTotals(stamps.stream().map(Stamp::getId).toList());
            return stamps.stream()
                    .map(s -> of(s, totals.getOrDefault(s.getId(), ScanTotals.NONE), control.holdsSignedUrl(s)))
                    .toList();
        }
    }

    public record KeyView(String kid, String status, Instant createdAt, Instant retiredAt, Instant revokedAt) {
        public static KeyView of(SigningKeyRecord k) {
            return new KeyView(k.getKid(), k.getStatus().name(), k.getCreatedAt(), k.getRetiredAt(), k.getRevokedAt());
        }
    }

    @POST
    @Operation(
            summary = "Issue N stamps for an open batch (one background job, up to 100,000)",
            description = "Answers 202 with the job; follow Location for progress. Refused for closed or recalled"
                    + " batches and for batches whose zone is suspended or revoked.")
    @APIResponse(
            responseCode = "202",
            description = "Job started",
            content =
                    @Content(
                            mediaType = "application/json",
                            examples =
                                    @ExampleObject(
                                            name = "job",
                                            value =
                                                    "{\"id\":\"6f1c...\",\"requested\":500,\"issued\":0,\"percent\":0,\"status\":\"RUNNING\"}")))
    public Response issue(
            @PathParam("id") String batchId,
            @RequestBody(content = @Content(examples = @ExampleObject(name = "issue", value = "{\"count\": 500}")))
                    @Valid
                    IssueRequest request) {
        if (request == null) {
            throw new Problems.ValidationFailed("count", "count is required");
        }
        IssuanceJob job = stamps.startIssuing(batchId, request.count());
        stamps.run(job.getId());
        return Response.accepted(JobView.of(job))
                .location(uri.getBaseUriBuilder()
                        .path("stamps/jobs")
                        .path(job.getId())
                        .build())
                .build();
    }

    @GET
    @Operation(
            summary = "The stamps of a batch in issue order, with scan counts",
            description = "url (the signed stamp URL) only for those who may print the batch's labels (admins, the"
                    + " cooperative's managers, commune staff of its commune); members get the rest without it")
    public Page<StampView> list(
            @PathParam("id") String batchId, @QueryParam("page") String page, @QueryParam("size") String size) {
        var p = stamps.list(batchId, PageRequest.of(page, size));
        return new Page<>(StampView.of(p.items(), stamps), p.page(), p.size(), p.total());
    }

    @GET
    @Path("export")
    @Produces("text/csv")
    @Operation(
            summary = "All stamps of a batch as CSV (seq, serial, url, status) for outside printers",
            description = "Only for those who may print the batch's labels; members 403. Streamed page by page.")
    @APIResponse(responseCode = "403", description = "The caller sees the batch but may not hold signed URLs")
    public Response csv(@PathParam("id") String batchId) {
        var rows = stamps.export(batchId);
        StreamingOutput body = out -> StampCsv.write(rows, out);
        return Response.ok(body, "text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"stamps-" + batchId + ".csv\"")
                .build();
    }

    @POST
    @Path("void")
    @Operation(summary = "Void one stamp or a range by issue number (seq)")
    public Map<String, Integer> voidStamps(
            @PathParam("id") String batchId,
            @RequestBody(
                            content =
                                    @Content(
                                            examples =
                                                    @ExampleObject(
                                                            name = "range",
                                                            value =
                                                                    "{\"fromSeq\": 101, \"toSeq\": 150, \"reason\": \"Tem in lỗi\"}")))
                    @Valid
                    VoidRequest request) {
        if (request == null) {
            throw new Problems.ValidationFailed("fromSeq", "fromSeq is required");
        }
        int to = request.toSeq() == null ? request.fromSeq() : request.toSeq();
        return Map.of("voided", stamps.voidRange(batchId, request.fromSeq(), to, request.reason()));
    }
}
