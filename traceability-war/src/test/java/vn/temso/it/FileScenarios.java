package vn.temso.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Random;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/**
 * Print files, product images and feeds live in the database file store (issue 13: any instance serves any request).
 * The scenarios look into the store through {@link FileStoreProbe}, which only the test deployment has.
 */
public abstract class FileScenarios extends ApiScenarios {

    static final String MANAGER = "tantru.quanly";
    static final int CHUNK = 256 * 1024;
    /** An image an older version left in the data directory; TemsoIT puts it there before the deployment starts. */
    static final String LEGACY_IMAGE = "5b7e0a39-7c1d-4d7e-9f3a-0c0ffee00013";

    static byte[] legacyImage() {
        return png(0x2e7d32);
    }

    /** Seeds the data directory as a version before the database store would have left it. */
    static void seedLegacyFiles(Path data) throws IOException {
        Path images = Files.createDirectories(data.resolve("images"));
        Files.write(images.resolve(LEGACY_IMAGE), legacyImage());
        Files.writeString(images.resolve(LEGACY_IMAGE + ".type"), "image/png");
    }

    static HttpResponse<byte[]> probe(String method, String key, byte[] body, String... query) {
        String q = "/it/files?key=" + URLEncoder.encode(key, StandardCharsets.UTF_8) + String.join("", query);
        Api.Request r = api.request(method, q);
        return (body == null
                        ? r.header("Content-Type", "application/octet-stream")
                        : r.body("application/octet-stream", body))
                .send()
                .raw();
    }

    /** The file under {@code key} in the database store holds exactly {@code bytes}, in chunks of at most 256 KiB. */
    static JsonNode assertStored(String key, byte[] bytes, String contentType) throws Exception {
        HttpResponse<byte[]> r = probe("GET", key, null);
        assertEquals(200, r.statusCode(), key + " is in the database file store");
        JsonNode f = Api.JSON.readTree(r.body());
        assertEquals(bytes.length, f.get("size").asLong(), key);
        assertEquals(sha256(bytes), f.get("sha256").asText(), key);
        assertTrue(f.get("contentType").asText().startsWith(contentType), f.toString());
        assertTrue(f.get("largestChunk").asInt() <= CHUNK, f.toString());
        assertEquals((bytes.length + CHUNK - 1) / CHUNK, f.get("chunks").asInt(), f.toString());
        return f;
    }

    static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    static byte[] png(int rgb) {
        BufferedImage image = new BufferedImage(32, 24, BufferedImage.TYPE_INT_RGB);
        for (int x = 0; x < 32; x++) {
            for (int y = 0; y < 24; y++) {
                image.setRGB(x, y, (x + y) % 2 == 0 ? rgb : 0xffffff);
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        return out.toByteArray();
    }

    private static HttpResponse<byte[]> putImage(String user, String productId, String type, byte[] body) {
        return api.request("PUT", "/api/products/" + productId + "/image")
                .as(user)
                .accept("application/json")
                .body(type, body)
                .send()
                .raw();
    }

    private static HttpResponse<byte[]> get(String path, String... headers) {
        return api.request("GET", path).headers(headers).send().raw();
    }

    @Test
    void shouldStreamAFileOfManyChunksThroughTheDatabaseByteForByte() throws Exception {
        byte[] big = new byte[5 * 1024 * 1024 + 12_345];
        new Random(13).nextBytes(big);
        String key = "it/big-" + unique() + ".bin";
        assertEquals(204, probe("PUT", key, big).statusCode());
        JsonNode f = assertStored(key, big, "application/octet-stream");
        assertEquals(21, f.get("chunks").asInt(), "5 MB in 256 KiB rows: " + f);
        assertEquals(CHUNK, f.get("largestChunk").asInt());
        HttpResponse<byte[]> back = probe("GET", key, null, "&content=1");
        assertEquals(200, back.statusCode());
        assertEquals(
                String.valueOf(big.length),
                back.headers().firstValue("Content-Length").orElse(null));
        assertArrayEquals(big, back.body());
        assertEquals(204, probe("DELETE", key, null).statusCode());
        assertEquals(404, probe("GET", key, null).statusCode());
    }

    @Test
    void shouldStoreAProductImageInTheDatabaseAndServeItPublicly() throws Exception {
        String id = Fixtures.product(api, MANAGER).get("id").asText();
        byte[] image = ImageScenarios.jpeg(800, 600);
        HttpResponse<byte[]> put = putImage(MANAGER, id, "image/jpeg", image);
        assertEquals(200, put.statusCode(), new String(put.body(), StandardCharsets.UTF_8));
        String url = "/images/" + id + "/1200.jpg";
        assertEquals(url, Api.JSON.readTree(put.body()).get("imageUrl").asText());
        assertStored("images/" + id, image, "image/jpeg"); // the upload, kept to make sizes from; never served

        HttpResponse<byte[]> served = get(url); // public: trace pages and feeds show it
        assertEquals(200, served.statusCode());
        assertTrue(served.headers().firstValue("Content-Type").orElse("").startsWith("image/jpeg"));
        assertEquals(
                "nosniff", served.headers().firstValue("X-Content-Type-Options").orElse(""));
        assertEquals(
                String.valueOf(served.body().length),
                served.headers().firstValue("Content-Length").orElse(""));
        assertStored("images/" + id + "/1200.jpg", served.body(), "image/jpeg");
        String etag = served.headers().firstValue("ETag").orElseThrow();
        assertEquals("\"" + sha256(served.body()) + "\"", etag, "the content's hash: the same tag from every instance");
        assertEquals(304, get(url, "If-None-Match", etag).statusCode());

        assertEquals(
                200,
                putImage(MANAGER, id, "image/jpeg", ImageScenarios.jpeg(700, 640))
                        .statusCode());
        byte[] replaced = get(url).body();
        assertTrue(!sha256(replaced).equals(sha256(served.body())), "a new upload replaces the image");

        assertEquals(
                400,
                putImage(MANAGER, id, "image/svg+xml", "<svg/>".getBytes(StandardCharsets.UTF_8))
                        .statusCode());
        assertEquals(
                400, putImage(MANAGER, id, "image/jpeg", new byte[2_000_001]).statusCode(), "over 2 MB");
        assertEquals(404, putImage("duchoa.quanly", id, "image/jpeg", image).statusCode(), "another cooperative's");
        assertArrayEquals(replaced, get(url).body(), "refused uploads change nothing");
        assertEquals(
                404,
                get("/images/00000000-0000-0000-0000-000000000000/1200.jpg").statusCode());
    }

    @Test
    void shouldServeImagesThatAnOlderVersionLeftOnDiskFromTheDatabase() throws Exception {
        byte[] expected = legacyImage();
        HttpResponse<byte[]> served = null;
        for (int i = 0; i < 100; i++) { // imported in the background at start
            served = get("/images/" + LEGACY_IMAGE);
            if (served.statusCode() == 301) {
                break;
            }
            Thread.sleep(100);
        }
        assertEquals(301, served.statusCode(), "the address of earlier versions sends to the largest size");
        assertTrue(
                served.headers().firstValue("Location").orElse("").endsWith("/images/" + LEGACY_IMAGE + "/1200.jpg"));
        // its sizes were made from the stored upload on that first request (without the 500 px minimum of uploads)
        HttpResponse<byte[]> sized = get("/images/" + LEGACY_IMAGE + "/300.jpg");
        assertEquals(200, sized.statusCode());
        BufferedImage img = ImageIO.read(new java.io.ByteArrayInputStream(sized.body()));
        assertEquals(32, img.getWidth(), "never enlarged");
        assertEquals(24, img.getHeight());
        assertStored("images/" + LEGACY_IMAGE, expected, "image/png");
        Path data = Path.of(System.getProperty("temso.it.dataDir", "target/it-data"));
        assertTrue(
                Files.notExists(data.resolve("images")), "the imported directory is renamed, not left to import again");
        try (var kept = Files.list(data)) {
            assertTrue(kept.anyMatch(p -> p.getFileName().toString().startsWith("images.imported-")), "and kept");
        }
    }
}
