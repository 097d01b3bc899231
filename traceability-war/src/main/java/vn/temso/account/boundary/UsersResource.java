package vn.temso.account.boundary;

import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.temso.account.control.Accounts;
import vn.temso.platform.security.Role;

@Path("users")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Users", description = "Accounts and roles")
public class UsersResource {

    @Inject
    Accounts accounts;

    public record NewUser(
            @NotBlank
            @Size(min = 3, max = 100)
            @Pattern(regexp = "[A-Za-z0-9._@-]+", message = "letters, digits and . _ @ - only")
            String username,

            @Size(max = 200) String displayName,
            @NotNull Role role,
            String cooperativeId,
            @Size(max = 50) Set<String> communes,

            @NotBlank @Size(min = 10, max = 200, message = "use at least 10 characters")
            String password) {
        // explicit canonical constructor: keeps the constraints off its parameters, where Payara's OpenAPI scanner
        // fails
        public NewUser(
                String username,
                String displayName,
                Role role,
                String cooperativeId,
                Set<String> communes,
                String password) {
            this.username = username;
            this.displayName = displayName;
            this.role = role;
            this.cooperativeId = cooperativeId;
            this.communes = communes;
            this.password = password;
        }
    }

    @GET
    @Operation(summary = "List users (admin: all; manager: their cooperative)")
    public List<UserView> list() {
        return accounts.list().stream().map(UserView::of).toList();
    }

    @POST
    @Path("{id}/disable")
    @Operation(
            summary = "Disable a user",
            description = "Their sessions end at once and their sign-ins are refused"
                    + " (with the same answer as a wrong password). Admins: anyone but themselves; a cooperative manager: the"
                    + " users of their own cooperative but themselves. At least one admin stays enabled (409).")
    @APIResponse(responseCode = "200", description = "The user, now disabled")
    @APIResponse(responseCode = "404", description = "No such user you may manage")
    @APIResponse(responseCode = "409", description = "Yourself, or the last enabled admin")
    public UserView disable(@PathParam("id") String id) {
        return UserView.of(accounts.setEnabled(id, false));
    }

    @POST
    @Path("{id}/enable")
    @Operation(summary = "Enable a disabled user again", description = "Same permissions as disable.")
    @APIResponse(responseCode = "200", description = "The user, now enabled")
    @APIResponse(responseCode = "404", description = "No such user you may manage")
    public UserView enable(@PathParam("id") String id) {
        return UserView.of(accounts.setEnabled(id, true));
    }

    public record RoleChange(
            @NotNull Role role,
            String cooperativeId,
            @Size(max = 50) Set<String> communes) {
        // explicit canonical constructor: keeps the constraints off its parameters, where Payara's OpenAPI scanner
        // fails
        public RoleChange(Role role, String cooperativeId, Set<String> communes) {
            this.role = role;
            this.cooperativeId = cooperativeId;
            this.communes = communes;
        }
    }

    /** The answer to a reset: the only time the temporary password is shown. */
    public record PasswordReset(UserView user, String temporaryPassword) {}

    @POST
    @Path("{id}/role")
    @Operation(
            summary = "Change a user's role",
            description = "Within what the caller may grant: an admin any role (naming cooperativeId for a cooperative"
                    + " role the user has none for, communes for commune staff and digital teams); a cooperative"
                    + " manager COOP_MEMBER or COOP_MANAGER for users of their own cooperative. Nobody changes their"
                    + " own role; the last enabled admin stays admin. Audited as change-role.")
    @APIResponse(responseCode = "200", description = "The user with the new role")
    @APIResponse(responseCode = "403", description = "The caller may not grant that role (reason role-not-grantable)")
    @APIResponse(responseCode = "404", description = "No such user you may manage")
    @APIResponse(
            responseCode = "409",
            description = "Your own account (reason own-account) or the last admin (last-admin)")
    public UserView changeRole(
            @PathParam("id") String id,
            @RequestBody(
                            content =
                                    @Content(
                                            examples =
                                                    @ExampleObject(
                                                            name = "manager",
                                                            value = "{\"role\":\"COOP_MANAGER\"}")))
                    @Valid
                    @NotNull
                    RoleChange change) {
        return UserView.of(accounts.changeRole(id, change.role(), change.cooperativeId(), change.communes()));
    }

    @POST
    @Path("{id}/password-reset")
    @Operation(
            summary = "Reset a user's password",
            description = "Same permissions as disable. Answers a one-time temporary password, shown only in this"
                    + " response (stored as a hash, never logged). Every session of the user ends; signing in with the"
                    + " temporary password works, but every request but POST /api/auth/password, GET /api/auth/me and"
                    + " POST /api/auth/logout answers 403 password-change-required until the user has chosen a new"
                    + " one. Audited as reset-password (without the password).")
    @APIResponse(responseCode = "200", description = "The user and the temporary password")
    @APIResponse(responseCode = "404", description = "No such user you may manage")
    @APIResponse(responseCode = "409", description = "Your own account: change it with POST /api/auth/password")
    public Response resetPassword(@PathParam("id") String id) {
        var reset = accounts.resetPassword(id);
        return Response.ok(new PasswordReset(UserView.of(reset.user()), reset.temporaryPassword()))
                .header("Cache-Control", "no-store")
                .build();
    }

    @POST
    @Operation(
            summary = "Create a user",
            description = "Admins create any role; a cooperative manager creates"
                    + " managers and members of their own cooperative. COMMUNE_STAFF and DIGITAL_TEAM (a community"
                    + " digital team member, who enters records for the cooperatives of their communes) need"
                    + " communes and are created by admins only.")
    @APIResponse(responseCode = "201", description = "Created")
    public Response create(
            @RequestBody(
                            content =
                                    @Content(
                                            examples =
                                                    @ExampleObject(
                                                            name = "member",
                                                            value =
                                                                    "{\"username\":\"tantru.mai\",\"displayName\":\"Trần Thị Mai\",\"role\":\"COOP_MEMBER\",\"password\":\"mat-khau-dai-2026\"}")))
                    @Valid
                    NewUser n) {
        var u = accounts.create(
                n.username(),
                n.displayName(),
                n.role(),
                n.cooperativeId(),
                n.communes() == null ? Set.of() : n.communes(),
                n.password());
        return Response.status(Response.Status.CREATED).entity(UserView.of(u)).build();
    }
}
