package vn.temso.stamping.boundary;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.temso.platform.problem.Problems;
import vn.temso.stamping.control.StampImages;

@Path("batches/{id}/stamps/{seq}/qr.png")
@Tag(name = "Stamps")
public class StampQrResource {

    @Inject
    StampImages images;

    @GET
    @Produces("image/png")
    @Operation(
            summary = "The QR code of one stamp as PNG",
            description = "ec = L, M, Q (default, configurable with"
                    + " TEMSO_STAMP_QR_ERROR_CORRECTION) or H; px = pixels per module (default 8). Headers X-QR-Version and"
                    + " X-QR-Modules give the symbol size.")
    @APIResponse(responseCode = "200", description = "PNG image")
    @APIResponse(responseCode = "403", description = "The caller sees the batch but may not hold signed URLs (members)")
    @APIResponse(responseCode = "404", description = "Unknown batch or stamp number, or not visible to the caller")
    public Response qr(
            @PathParam("id") String batchId,
            @PathParam("seq") String seq,
            @QueryParam("ec") String ec,
            @QueryParam("px") String px) {
        int n;
        int p;
        try {
            n = Integer.parseInt(seq);
            p = px == null ? 8 : Integer.parseInt(px);
        } catch (NumberFormatException e) {
            throw new Problems.ValidationFailed("seq", "seq and px are whole numbers");
        }
        StampImages.Qr qr = images.qr(batchId, n, ec, p);
        return Response.ok(qr.png(), "image/png")
                .header("X-QR-Version", qr.version())
                .header("X-QR-Modules", qr.modules())
                .header("X-QR-Error-Correction", qr.level())
                .header("Cache-Control", "private, max-age=3600")
                .build();
    }
}
