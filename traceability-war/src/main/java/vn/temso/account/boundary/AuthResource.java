package vn.temso.account.boundary;

import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.temso.account.control.Accounts;
import vn.temso.account.control.SignIn;
import vn.temso.platform.security.ClientAddress;

@Path("auth")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Sign-in", description = "Bearer-token sessions")
public class AuthResource {

    @Inject
    Accounts accounts;

    @Inject
    SignIn signIn;

    @Context
    HttpServletRequest request;

    public record Credentials(
            @NotBlank @Size(max = 100) String username,
            @NotBlank @Size(max = 200) String password) {
        // explicit canonical constructor: keeps the constraints off its parameters, where Payara's OpenAPI scanner
        // fails
        public Credentials(String username, String password) {
            this.username = username;
            this.password = password;
        }
    }

    public record Session(String token, Instant expiresAt, UserView user) {}

    public record PasswordChange(
            @NotBlank String oldPassword,

            @NotBlank @Size(min = 10, max = 200, message = "use at least 10 characters")
            String newPassword) {
        // explicit canonical constructor: keeps the constraints off its parameters, where Payara's OpenAPI scanner
        // fails
        public PasswordChange(String oldPassword, String newPassword) {
            this.oldPassword = oldPassword;
            this.newPassword = newPassword;
        }
    }

    @POST
    @Path("login")
    @Operation(
            summary = "Sign in",
            description = "Returns a bearer token. Wrong usernames and wrong passwords get the"
                    + " same 401; repeated failures (per address and per username), too many failures from one address, or a"
                    + " server busy checking other sign-ins answer 429 with Retry-After.")
    @APIResponse(
            responseCode = "200",
            content =
                    @Content(
                            mediaType = "application/json",
                            examples =
                                    @ExampleObject(
                                            name = "session",
                                            value =
                                                    "{\"token\":\"q3X...\",\"expiresAt\":\"2026-11-22T16:00:00Z\",\"user\":{\"username\":\"tantru.quanly\",\"role\":\"COOP_MANAGER\"}}")))
    @APIResponse(responseCode = "401", description = "Wrong username or password")
    @APIResponse(responseCode = "429", description = "Too many failures; wait Retry-After seconds")
    public Session login(
            @RequestBody(
                            content =
                                    @Content(
                                            examples =
                                                    @ExampleObject(
                                                            name = "credentials",
                                                            value =
                                                                    "{\"username\": \"tantru.quanly\", \"password\": \"demo-Tantru-2026\"}")))
                    @Valid
                    Credentials credentials) {
        var s = signIn.signIn(credentials.username(), credentials.password(), ClientAddress.of(request));
        return new Session(s.token(), s.expiresAt(), UserView.of(s.user()));
    }

    @POST
    @Path("logout")
    @Operation(summary = "Sign out: the token stops working at once")
    @APIResponse(responseCode = "204", description = "Signed out")
    public Response logout(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        accounts.signOut(AuthenticationFilter.bearer(authorization));
        return Response.noContent().build();
    }

    @GET
    @Path("me")
    @Operation(summary = "The signed-in user")
    public UserView me() {
        return UserView.of(accounts.me());
    }

    @POST
    @Path("password")
    @Operation(
            summary = "Change your own password; every session of yours ends",
            description =
                    "Needs the current password; wrong ones count like failed sign-ins and are throttled the same way.")
    @APIResponse(responseCode = "204", description = "Changed")
    @APIResponse(responseCode = "400", description = "The current password is wrong (field oldPassword)")
    @APIResponse(responseCode = "429", description = "Too many wrong passwords; wait Retry-After seconds")
    public Response changePassword(@Valid PasswordChange change) {
        signIn.changeOwnPassword(change.oldPassword(), change.newPassword(), ClientAddress.of(request));
        return Response.noContent().build();
    }
}
