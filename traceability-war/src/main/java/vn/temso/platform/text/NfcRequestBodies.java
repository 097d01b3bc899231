package vn.temso.platform.text;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.List;
import vn.temso.platform.problem.ProblemBody;

/**
 * NFC-normalises every textual request body before it is parsed, so "Hòa" typed on a phone (often NFD) and
 * on a PC compare and index equal. Normalising JSON text keeps its structure intact. Bodies that are not
 * UTF-8, or are larger than 4 MiB, are refused with a problem response. So are JSON bodies nested deeper than
 * {@value #MAX_JSON_DEPTH} levels (recursive parsers overflow the stack on 10,000 nested arrays; GeoJSON outlines
 * excepted, see below) and
 * the JSON literal {@code null} where an object is expected: each is a 400, whatever the endpoint does next.
 */
@Provider
public class NfcRequestBodies implements ReaderInterceptor {

    static final int MAX_BYTES = 4 * 1024 * 1024;
    /** Deeper than any request of this API (a GeoJSON MultiPolygon is 5 levels inside its object). */
    static final int MAX_JSON_DEPTH = 32;

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        MediaType type = context.getMediaType();
        if (type != null && isText(type)) {
            byte[] raw = readLimited(context.getInputStream());
            String text;
            try {
                text = StandardCharsets.UTF_8
                        .newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT)
                        .decode(ByteBuffer.wrap(raw))
                        .toString();
            } catch (CharacterCodingException e) {
                throw new WebApplicationException(ProblemBody.response(
                        400,
                        "malformed-request",
                        "The request body could not be read",
                        "The body must be UTF-8 text",
                        List.of(),
                        null));
            }
            // GeoJSON bodies are zone outlines: ZoneGeometry parses them itself, with its own depth limit, and
            // names the field in its 400
            if (type.getSubtype().endsWith("json")
                    && !type.getSubtype().equals("geo+json")
                    && depth(text) > MAX_JSON_DEPTH) {
                throw new WebApplicationException(ProblemBody.response(
                        400,
                        "malformed-request",
                        "The request body could not be read",
                        "JSON is nested deeper than " + MAX_JSON_DEPTH + " levels",
                        List.of(),
                        null));
            }
            if (!Normalizer.isNormalized(text, Normalizer.Form.NFC)) {
                text = Normalizer.normalize(text, Normalizer.Form.NFC);
            }
            context.setInputStream(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
        }
        Object entity = context.proceed();
        if (entity == null && type != null && type.getSubtype().endsWith("json")) {
            // the literal null (or no body at all) reaches resources as a null request object
            throw new WebApplicationException(ProblemBody.response(
                    400,
                    "malformed-request",
                    "The request body could not be read",
                    "The body must be a JSON object, not null or empty",
                    List.of(),
                    null));
        }
        return entity;
    }

    /** The deepest nesting of arrays and objects, outside strings; stops counting past the limit. */
    static int depth(String json) {
        return JsonShape.measure(json, MAX_JSON_DEPTH, Integer.MAX_VALUE).depth();
    }

    private static boolean isText(MediaType type) {
        String sub = type.getSubtype();
        return "text".equals(type.getType())
                || sub.endsWith("json")
                || sub.endsWith("xml")
                || sub.equals("x-www-form-urlencoded");
    }

    private static byte[] readLimited(InputStream in) throws IOException {
        byte[] bytes = in.readNBytes(MAX_BYTES + 1);
        if (bytes.length > MAX_BYTES) {
            throw new WebApplicationException(ProblemBody.response(
                    413,
                    "payload-too-large",
                    "Request body too large",
                    "Bodies are limited to 4 MiB",
                    List.of(),
                    null));
        }
        return bytes;
    }
}
