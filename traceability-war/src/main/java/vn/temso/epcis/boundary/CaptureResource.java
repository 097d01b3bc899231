package vn.temso.epcis.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import vn.temso.epcis.control.Captures;
import vn.temso.epcis.entity.EpcisCapture;

/**
 * {@code POST /epcis/capture} (also at {@code /api/epcis/capture}): the capture interface of the EPCIS 2.0 REST
 * binding. A document is checked and stored whole, before the answer: 202 with the capture job's address, as the
 * binding specifies, and the job is already finished ({@code running: false, success: true}). A refused document is
 * a problem (400, 404, 409, 413, 415) and leaves nothing behind.
 */
@Path("epcis/capture")
@RequestScoped
public class CaptureResource {

    static final String LD_JSON = "application/ld+json";

    @Inject
    Captures captures;

    @POST
    @Consumes({MediaType.APPLICATION_JSON, LD_JSON})
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Capture an EPCISDocument (a partner's key, the cooperative's manager or an admin)",
            description = "All events or none. 400 invalid (eventIndex, pointer), 404 an identifier that is not a lot"
                    + " or stamp of the caller's cooperative, 409 an eventID already held, 413 over 4 MiB.")
    @APIResponse(responseCode = "202", description = "Stored; Location is the capture job, already finished")
    public Response capture(String document) {
        EpcisCapture c = captures.capture(document);
        return EpcisHeaders.on(Response.accepted(CaptureView.of(c)))
                .location(URI.create("/epcis/capture/" + c.getId()))
                .build();
    }

    @GET
    @Path("{captureID}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "One capture job: when it ran, whether it succeeded, how many events it stored")
    public Response job(@PathParam("captureID") String captureId) {
        return EpcisHeaders.on(Response.ok(CaptureView.of(captures.one(captureId))))
                .build();
    }

    /** A capture job as the EPCIS 2.0 REST binding describes it, with the number of events Temso stored. */
    public record CaptureView(
            String captureID,
            String createdAt,
            String finishedAt,
            boolean running,
            boolean success,
            String captureErrorBehaviour,
            java.util.List<String> errors,
            int eventCount) {

        static CaptureView of(EpcisCapture c) {
            return new CaptureView(
                    c.getId(),
                    c.getReceivedAt().toString(),
                    c.getFinishedAt().toString(),
                    false,
                    true,
                    "rollback",
                    java.util.List.of(),
                    c.getEventCount());
        }
    }
}
