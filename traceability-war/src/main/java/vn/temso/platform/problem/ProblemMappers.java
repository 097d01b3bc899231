package vn.temso.platform.problem;

import jakarta.json.JsonException;
import jakarta.json.bind.JsonbException;
import jakarta.persistence.OptimisticLockException;
import jakarta.transaction.TransactionalException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import vn.temso.platform.domain.DomainException;
import vn.temso.platform.domain.InvalidField;
import vn.temso.platform.domain.RuleBroken;
import vn.temso.platform.persistence.StorageFaults;

/**
 * Turns every failure into {@code application/problem+json}. Known problems keep their type and detail;
 * anything unexpected becomes a 500 whose body says nothing internal, with an {@code instance} id that is
 * logged with the stack trace so operators can find it.
 */
public final class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class.getName());

    private ProblemMappers() {}

    @Provider
    public static class Domain implements ExceptionMapper<ProblemException> {
        @Override
        public Response toResponse(ProblemException e) {
            return ProblemBody.of(e);
        }
    }

    /**
     * The one translation of typed domain failures into problem types, for the API's mappers and the pages
     * alike: a broken field is a 400 {@code validation-failed} naming it, a broken rule a 422 {@code rule/<rule>}.
     */
    public static ProblemException problem(DomainException e) {
        if (e instanceof InvalidField f) {
            return new Problems.ValidationFailed(f.field(), f.getMessage());
        }
        if (e instanceof RuleBroken r) {
            return new Problems.RuleViolated(r.rule(), r.getMessage());
        }
        throw new IllegalStateException(
                "unmapped domain failure " + e.getClass().getName(), e);
    }

    @Provider
    public static class DomainRules implements ExceptionMapper<DomainException> {
        @Override
        public Response toResponse(DomainException e) {
            return ProblemBody.of(problem(e));
        }
    }

    @Provider
    public static class BeanValidation implements ExceptionMapper<ConstraintViolationException> {
        @Override
        public Response toResponse(ConstraintViolationException e) {
            List<ProblemException.Violation> violations = e.getConstraintViolations().stream()
                    .map(v -> new ProblemException.Violation(field(v), v.getMessage()))
                    .sorted(Comparator.comparing(ProblemException.Violation::field))
                    .toList();
            return ProblemBody.of(new Problems.ValidationFailed(
                    violations.size() == 1
                            ? violations.get(0).field() + ": "
                                    + violations.get(0).message()
                            : violations.size() + " fields are invalid",
                    violations));
        }

        /** "create.arg0.name" → "name": the caller knows their JSON, not our method names. */
        static String field(ConstraintViolation<?> v) {
            String path = v.getPropertyPath().toString();
            String[] parts = path.split("\\.");
            if (parts.length > 2) {
                return String.join(".", List.of(parts).subList(2, parts.length));
            }
            return parts.length == 2 ? "body" : path;
        }
    }

    @Provider
    public static class Json implements ExceptionMapper<JsonbException> {
        @Override
        public Response toResponse(JsonbException e) {
            return unreadable(e);
        }
    }

    @Provider
    public static class JsonP implements ExceptionMapper<JsonException> {
        @Override
        public Response toResponse(JsonException e) {
            return unreadable(e);
        }
    }

    @Provider
    public static class Processing implements ExceptionMapper<ProcessingException> {
        @Override
        public Response toResponse(ProcessingException e) {
            return unreadable(e);
        }
    }

    static Response unreadable(Exception e) {
        LOG.log(Level.FINE, "Unreadable request body", e);
        return ProblemBody.response(
                400,
                "malformed-request",
                "The request body could not be read",
                "The body is not valid JSON for this endpoint (check field types, enum values and date formats"
                        + " such as 2026-11-22)",
                List.of(),
                null);
    }

    @Provider
    public static class Web implements ExceptionMapper<WebApplicationException> {
        @Override
        public Response toResponse(WebApplicationException e) {
            Throwable cause = e.getCause();
            if (cause instanceof JsonbException || cause instanceof JsonException) {
                return unreadable(e);
            }
            int status = e.getResponse().getStatus();
            if (status >= 500) {
                return Unexpected.internal(e);
            }
            String reason = e.getResponse().getStatusInfo().getReasonPhrase();
            String slug = switch (status) {
                case 404 -> "not-found";
                case 405 -> "method-not-allowed";
                case 406 -> "not-acceptable";
                case 415 -> "unsupported-media-type";
                case 400 -> "malformed-request";
                default -> "http-" + status;
            };
            String detail = switch (status) {
                case 404 -> "No resource at this address";
                case 405 -> "This address does not accept that HTTP method";
                case 415 -> "Send the body as application/json";
                case 400 -> "The request could not be read (check query and path parameters)";
                default -> reason;
            };
            Response r = ProblemBody.response(
                    status, slug, reason == null ? "HTTP " + status : reason, detail, List.of(), null);
            if (status == 405 && e.getResponse().getHeaderString("Allow") != null) {
                return Response.fromResponse(r)
                        .header("Allow", e.getResponse().getHeaderString("Allow"))
                        .build();
            }
            return r;
        }
    }

    /** CDI {@code @Transactional} wraps what it could not commit; unwrap to the real problem. */
    @Provider
    public static class Transactional implements ExceptionMapper<TransactionalException> {
        @Override
        public Response toResponse(TransactionalException e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof ProblemException p) {
                    return ProblemBody.of(p);
                }
                if (t instanceof DomainException d) {
                    return ProblemBody.of(problem(d));
                }
                if (t instanceof OptimisticLockException) {
                    return ProblemBody.of(new Problems.StaleUpdate(
                            "The record was changed by someone else; reload it and try again"));
                }
                if (t instanceof java.sql.SQLIntegrityConstraintViolationException
                        || (t instanceof java.sql.SQLException s
                                && s.getSQLState() != null
                                && s.getSQLState().startsWith("23"))) {
                    return ProblemBody.of(new Problems.Conflict("The change conflicts with existing data"));
                }
            }
            return Unexpected.internal(e);
        }
    }

    @Provider
    public static class Unexpected implements ExceptionMapper<Throwable> {
        @Override
        public Response toResponse(Throwable e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof ProblemException p) {
                    return ProblemBody.of(p);
                }
                if (t instanceof DomainException d) {
                    return ProblemBody.of(problem(d));
                }
            }
            return internal(e);
        }

        static Response internal(Throwable e) {
            if (StorageFaults.isStorageFault(e)) {
                // the request was fine and nothing was kept: the client may send it again when storage is back
                LOG.log(Level.WARNING, "Storage unavailable: " + e);
                return ProblemBody.of(new Problems.StorageUnavailable(Problems.StorageUnavailable.DETAIL));
            }
            String instance = "urn:uuid:" + UUID.randomUUID();
            LOG.log(Level.SEVERE, "Unexpected failure " + instance, e);
            return ProblemBody.response(
                    500,
                    "internal-error",
                    "Internal error",
                    "Something went wrong on our side; quote " + instance + " when reporting it",
                    List.of(),
                    instance);
        }
    }
}
