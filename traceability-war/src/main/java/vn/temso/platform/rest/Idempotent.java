package vn.temso.platform.rest;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * A create that may carry a client-generated id ({@code clientId}): sent again, it answers the record made the first
 * time (200) instead of a second one. The id is unique in the database, so of two identical requests racing, one
 * inserts and the other fails on the constraint, then reads the winner's record.
 */
public final class Idempotent {

    private Idempotent() {}

    /**
     * @param value   the record, made now or before
     * @param created true if this request made it (201), false if it was there already (200)
     */
    public record Outcome<T>(T value, boolean created) {

        /**
         * @param uri  of the create request: the new record is at its path plus {@code id}
         * @param id   of the record
         * @param view what to answer
         * @return 201 with the record's Location, or 200 when it was made before
         */
        public Response answer(UriInfo uri, String id, Object view) {
            if (!created) {
                return Response.ok(view).build();
            }
            return Response.created(uri.getAbsolutePathBuilder().path(id).build())
                    .entity(view)
                    .build();
        }
    }

    /**
     * @param clientId the client's id, or null (then simply {@code create})
     * @param existing the record of this client id for this target, if any (a 409 problem when the id names another
     *                 record)
     * @param create   makes the record in its own transaction
     */
    public static <T> Outcome<T> create(String clientId, Supplier<Optional<T>> existing, Supplier<T> create) {
        if (clientId == null || clientId.isBlank()) {
            return new Outcome<>(create.get(), true);
        }
        Optional<T> before = existing.get();
        if (before.isPresent()) {
            return new Outcome<>(before.get(), false);
        }
        try {
            return new Outcome<>(create.get(), true);
        } catch (RuntimeException e) {
            // lost a race with the same request (unique client id), or failed for its own reason: the record of the
            // winner tells which
            return existing.get().map(v -> new Outcome<>(v, false)).orElseThrow(() -> e);
        }
    }
}
