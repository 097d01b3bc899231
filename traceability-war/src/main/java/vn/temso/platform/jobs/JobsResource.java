package vn.temso.platform.jobs;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.logging.Logger;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.temso.platform.problem.Problems;
import vn.temso.platform.security.Caller;
import vn.temso.platform.security.CurrentCaller;
import vn.temso.platform.security.Role;

/** Which instance works which unfinished job (administrators): for operators of a cluster. */
@Path("jobs")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Jobs", description = "Background jobs in a cluster: leases and hand-over (admin)")
public class JobsResource {

    private static final Logger LOG = Logger.getLogger(JobsResource.class.getName());

    @Inject
    JobLeases leases;

    @Inject
    CurrentCaller current;

    /** One unfinished job: kind (issuance, print), status, owner (host/pid/instance#run) and lease end. */
    public record JobView(String kind, String id, String status, String owner, Instant leaseUntil) {
        static JobView of(JobLeases.Leased l) {
            return new JobView(l.kind().name().toLowerCase(Locale.ROOT), l.id(), l.status(), l.owner(), l.leaseUntil());
        }
    }

    @GET
    @Operation(summary = "Unfinished issuing and print jobs with the instance working each (admin)")
    public List<JobView> unfinished() {
        current.requireRole(Role.ADMIN);
        return leases.unfinished(500).stream().map(JobView::of).toList();
    }

    @POST
    @Path("{kind}/{id}/hand-over")
    @Operation(
            summary = "Take a job from the instance working it (admin): it stops at its next chunk or heartbeat"
                    + " without committing more, and the job sweeper of any instance continues it within seconds; for an"
                    + " instance known to be gone, instead of waiting for its lease to run out")
    @APIResponse(responseCode = "202", description = "Handed over; see GET /api/jobs for the new owner")
    @APIResponse(responseCode = "404", description = "No such job kind or job")
    public Response handOver(@PathParam("kind") String kind, @PathParam("id") String id) {
        Caller c = current.requireRole(Role.ADMIN);
        JobLeases.Kind k;
        try {
            k = JobLeases.Kind.valueOf(kind.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new Problems.NotFound("Job kind", kind);
        }
        if (!leases.handOver(k, id)) {
            throw new Problems.NotFound("Job", id);
        }
        LOG.info(() -> c.username() + " handed " + kind + " job " + id + " over to the job sweeper");
        return Response.accepted().build();
    }
}
