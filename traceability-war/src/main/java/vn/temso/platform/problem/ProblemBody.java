package vn.temso.platform.problem;

import static vn.temso.platform.text.JsonProviders.JSON;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Builds RFC 9457 {@code application/problem+json} responses. */
public final class ProblemBody {

    public static final String BASE_TYPE = "https://temso.vn/problems/";
    public static final MediaType PROBLEM_JSON = new MediaType("application", "problem+json");

    private ProblemBody() {}

    public static Response response(
            int status,
            String type,
            String title,
            String detail,
            List<ProblemException.Violation> violations,
            String instance) {
        return response(status, type, title, detail, violations, Map.of(), instance);
    }

    private static Response response(
            int status,
            String type,
            String title,
            String detail,
            List<ProblemException.Violation> violations,
            Map<String, Object> extensions,
            String instance) {
        return Response.status(status)
                .type(PROBLEM_JSON)
                .entity(json(status, type, title, detail, violations, extensions, instance))
                .build();
    }

    /** The problem document itself, also written by the servlet error page for errors outside JAX-RS. */
    public static String json(
            int status,
            String type,
            String title,
            String detail,
            List<ProblemException.Violation> violations,
            String instance) {
        return json(status, type, title, detail, violations, Map.of(), instance);
    }

    /** The problem document with extension members (strings, numbers) after the standard ones. */
    private static String json(
            int status,
            String type,
            String title,
            String detail,
            List<ProblemException.Violation> violations,
            Map<String, Object> extensions,
            String instance) {
        JsonObjectBuilder body = JSON.createObjectBuilder()
                .add("type", BASE_TYPE + type)
                .add("title", title)
                .add("status", status)
                .add("detail", detail == null ? title : detail)
                .add("instance", instance == null ? "urn:uuid:" + UUID.randomUUID() : instance);
        if (!violations.isEmpty()) {
            JsonArrayBuilder list = JSON.createArrayBuilder();
            violations.forEach(v -> {
                JsonObjectBuilder one =
                        JSON.createObjectBuilder().add("field", v.field()).add("message", v.message());
                if (v.code() != null) {
                    one.add("code", v.code());
                }
                list.add(one);
            });
            body.add("violations", list);
        }
        extensions.forEach((name, value) -> {
            if (value instanceof Integer i) {
                body.add(name, i);
            } else if (value instanceof Long l) {
                body.add(name, l);
            } else if (value != null) {
                body.add(name, value.toString());
            }
        });
        JsonObject json = body.build();
        return json.toString();
    }

    public static Response of(ProblemException e) {
        Response.ResponseBuilder r = Response.fromResponse(
                response(e.status(), e.type(), e.title(), e.getMessage(), e.violations(), e.extensions(), null));
        if (e instanceof Problems.TooManyRequests t) {
            r.header("Retry-After", t.retryAfterSeconds());
        } else if (e instanceof Problems.StorageUnavailable s) {
            r.header("Retry-After", s.retryAfterSeconds());
        }
        return r.build();
    }
}
