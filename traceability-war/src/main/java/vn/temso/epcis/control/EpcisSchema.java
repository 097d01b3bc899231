package vn.temso.epcis.control;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.PathType;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Comparator;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import vn.temso.platform.problem.Problems;

/**
 * GS1's EPCIS 2.0 JSON schema (the inlined draft-07 {@code EPCIS-JSON-Schema.json} of the gs1/EPCIS repository, see
 * {@code epcis/NOTICE.md}), read from the class path once per class loader and never fetched: every schema id GS1
 * publishes it under maps to the local copy, and remote loading is off. Validation is networknt's
 * json-schema-validator; formats ({@code uri}, {@code date-time}) are asserted. Usable without a container: tests
 * create one with {@code new EpcisSchema()}.
 */
@ApplicationScoped
public class EpcisSchema {

    /** Where the build puts GS1's schema (traceability-war/pom.xml, property {@code epcis.schema.dir}). */
    public static final String RESOURCE = "/epcis/EPCIS-JSON-Schema.json";

    /** The schema's own {@code $id}. */
    static final String ID = "https://gs1.github.io/EPCIS/EPCIS-JSON-Schema.json";

    /** Problems reported for one document at most: the first ones are what a sender needs. */
    static final int MAX_PROBLEMS = 20;

    private static final Logger LOG = Logger.getLogger(EpcisSchema.class.getName());
    private static final Pattern EVENT_INDEX = Pattern.compile("/eventList/(\\d+)(?:/|$)");

    /**
     * One thing wrong with a document: where (a JSON pointer into it, {@code ""} for the whole document), the schema
     * keyword that failed, and the validator's message.
     */
    public record Problem(String pointer, String keyword, String message) {

        /** The index of the event the problem is in ({@code eventList/N}), or null if it is outside every event. */
        public Integer eventIndex() {
            Matcher m = EVENT_INDEX.matcher(pointer);
            return m.find() ? Integer.valueOf(m.group(1)) : null;
        }
    }

    /** Loaded on first use, once per class loader; null when the build did not include the schema. */
    private static final class Holder {
        static final Schema SCHEMA = load();
    }

    /** Whether the schema is there (the build copies it in, see {@code epcis/NOTICE.md}). */
    public boolean available() {
        return Holder.SCHEMA != null;
    }

    /**
     * @return what is wrong with the document, first the problems outside any event, then by event index; empty
     *     when it is valid. A server without the schema answers 503 (never "valid").
     */
    public List<Problem> validate(JsonNode document) {
        Schema schema = Holder.SCHEMA;
        if (schema == null) {
            throw new Problems.NotConfigured("This server was built without GS1's EPCIS JSON schema (" + RESOURCE
                    + "), so it cannot check EPCIS documents; see docs/epcis-capture.md");
        }
        return sorted(schema.validate(document));
    }

    /** The same for JSON text (tests hold documents as text). */
    public List<Problem> validate(String json) {
        Schema schema = Holder.SCHEMA;
        if (schema == null) {
            throw new IllegalStateException("GS1's EPCIS JSON schema is not on the class path at " + RESOURCE);
        }
        return sorted(schema.validate(json, InputFormat.JSON));
    }

    private static List<Problem> sorted(List<Error> errors) {
        return errors.stream()
                .map(e -> new Problem(pointer(e), e.getKeyword(), e.getMessage()))
                .distinct()
                .sorted(Comparator.comparing((Problem p) -> p.eventIndex() == null ? -1 : p.eventIndex())
                        .thenComparing(Problem::pointer))
                .limit(MAX_PROBLEMS)
                .toList();
    }

    private static String pointer(Error e) {
        String p =
                e.getInstanceLocation() == null ? "" : e.getInstanceLocation().toString();
        return p.equals("/") ? "" : p;
    }

    private static Schema load() {
        try (InputStream in = EpcisSchema.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                LOG.warning("GS1's EPCIS JSON schema is not on the class path at " + RESOURCE
                        + ": EPCIS capture answers 503 until a build includes it (docs/epcis-capture.md)");
                return null;
            }
            byte[] text = in.readAllBytes();
            SchemaRegistry registry = SchemaRegistry.withDefaultDialect(
                    SpecificationVersion.DRAFT_7,
                    b -> b.schemaRegistryConfig(SchemaRegistryConfig.builder()
                                    .pathType(PathType.JSON_POINTER)
                                    .formatAssertionsEnabled(true)
                                    .build())
                            .schemaLoader(l -> l.fetchRemoteResources(false)
                                    // the ids GS1 publishes the schema under: never fetched, always this copy
                                    .resourceLoaders(r -> r.resources(iri ->
                                            ID.equals(iri) || iri.startsWith("https://ref.gs1.org/standards/epcis/")
                                                    ? new String(text, java.nio.charset.StandardCharsets.UTF_8)
                                                    : null))));
            Schema schema = registry.getSchema(SchemaLocation.of(ID));
            schema.initializeValidators();
            return schema;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "GS1's EPCIS JSON schema at " + RESOURCE + " could not be loaded", e);
            return null;
        }
    }
}
