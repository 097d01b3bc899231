package vn.temso.platform.text;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
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
 * UTF-8, or are larger than 4 MiB, are refused with a problem response.
 */
@Provider
public class NfcRequestBodies implements ReaderInterceptor {

    static final int MAX_BYTES = 4 * 1024 * 1024;

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        MediaType type = context.getMediaType();
        if (type != null && isText(type)) {
            byte[] raw = readLimited(context.getInputStream());
            String text;
            try {
                text = StandardCharsets.UTF_8.newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT)
                        .decode(ByteBuffer.wrap(raw)).toString();
            } catch (CharacterCodingException e) {
                throw new WebApplicationException(ProblemBody.response(400, "malformed-request",
                        "The request body could not be read", "The body must be UTF-8 text", List.of(), null));
            }
            if (!Normalizer.isNormalized(text, Normalizer.Form.NFC)) {
                text = Normalizer.normalize(text, Normalizer.Form.NFC);
            }
            context.setInputStream(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
        }
        return context.proceed();
    }

    private static boolean isText(MediaType type) {
        String sub = type.getSubtype();
        return "text".equals(type.getType()) || sub.endsWith("json") || sub.endsWith("xml")
                || sub.equals("x-www-form-urlencoded");
    }

    private static byte[] readLimited(InputStream in) throws IOException {
        byte[] bytes = in.readNBytes(MAX_BYTES + 1);
        if (bytes.length > MAX_BYTES) {
            throw new WebApplicationException(ProblemBody.response(413, "payload-too-large",
                    "Request body too large", "Bodies are limited to 4 MiB", List.of(), null));
        }
        return bytes;
    }
}
