package vn.temso.epcis.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.time.Clock;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.Operation;
import vn.temso.batch.control.Batches;
import vn.temso.batch.entity.Batch;
import vn.temso.epcis.control.EpcisQueries;
import vn.temso.epcis.control.EpcisWriter;
import vn.temso.platform.problem.Problems;

/** {@code GET /api/batches/{id}/epcis}: every event of a lot as one EPCISDocument, streamed. */
@Path("batches/{id}/epcis")
@RequestScoped
public class BatchEpcisResource {

    @Inject
    Batches batches;

    @Inject
    EpcisQueries queries;

    @Inject
    EpcisWriter writer;

    @Inject
    Clock clock;

    @GET
    @Produces(EpcisHeaders.JSON)
    @Operation(summary = "The lot's EPCIS events as an EPCISDocument (what capture takes)")
    public Response export(@PathParam("id") String id) {
        if (id == null || id.length() > 36) {
            throw new Problems.NotFound("Batch", String.valueOf(id));
        }
        Batch b = batches.readable(id);
        Instant now = clock.instant();
        StreamingOutput body = out -> writer.write(out, EpcisWriter.Form.DOCUMENT, now, queries.ofBatch(b));
        return EpcisHeaders.on(Response.ok(body, EpcisHeaders.JSON))
                .header(
                        "Content-Disposition",
                        "attachment; filename=\"epcis-" + b.getLotCode().replaceAll("[^A-Za-z0-9._-]", "_")
                                + ".jsonld\"")
                .build();
    }
}
