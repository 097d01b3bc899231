package vn.temso.stamp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StampUrlTest {

    private static final JsonNode CANONICAL = StampVectors.canonical();
    private static final String URL = CANONICAL.get("url").asText();
    /** The 86-character signature, without the key id. */
    private static final String SIG = URL.substring(URL.indexOf("8030=") + 8);

    @Test
    void shouldProduceTheExactCanonicalBytesOfTheVector() {
        byte[] bytes = StampUrl.signedBytes(
                "https://truyxuat.example.com", "00893850100125", "L2025-11-A07", "7K3M9QXR2D", "kPr");
        String expected = "temso-stamp-v1\nhttps://truyxuat.example.com\n00893850100125\nL2025-11-A07\n7K3M9QXR2D\nkPr";
        assertArrayEquals(expected.getBytes(StandardCharsets.UTF_8), bytes);
        assertEquals(CANONICAL.get("signedBytesHex").asText(), HexFormat.of().formatHex(bytes));
        assertArrayEquals(bytes, StampUrl.parse(URL).signedBytes());
    }

    @Test
    void shouldNormaliseTheBaseUrlInTheSignedBytes() {
        byte[] expected = StampUrl.signedBytes("https://truyxuat.example.com", "00893850100125", "L", "S", "kPr");
        assertArrayEquals(
                expected, StampUrl.signedBytes("HTTPS://TruyXuat.Example.COM/", "00893850100125", "L", "S", "kPr"));
        assertArrayEquals(
                expected, StampUrl.signedBytes("https://truyxuat.example.com:443", "00893850100125", "L", "S", "kPr"));
        assertEquals("http://localhost:8080/temso", BaseUrl.normalise("HTTP://LocalHost:8080/temso/"));
        assertEquals("http://localhost", BaseUrl.normalise("http://localhost:80"));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "trace.example.com",
                "ftp://example.com",
                "https://user@example.com",
                "https://example..com",
                "https://-example.com",
                "https://example.com:0",
                "https://example.com:99999",
                "https://[::1]",
                "https://example.com/a b",
                "https://example.com/a%20b",
                "https://example.com//x",
                "https://exa_mple.com"
            })
    void shouldRejectBadBaseUrls(String base) {
        assertThrows(InvalidStampException.class, () -> BaseUrl.normalise(base));
    }

    @Test
    void shouldParseAndFormatTheVectorUrl() {
        StampUrl stamp = StampUrl.parse(URL);
        assertEquals("https://truyxuat.example.com", stamp.baseUrl());
        assertEquals("00893850100125", stamp.gtin14());
        assertEquals("L2025-11-A07", stamp.lot());
        assertEquals("7K3M9QXR2D", stamp.serial());
        assertEquals("kPr", stamp.kid());
        assertEquals(64, stamp.signature().length);
        assertEquals(URL, stamp.toUrl());
        assertEquals(89, stamp.ai8030().length());
        assertEquals(URL.replace("https://truyxuat.example.com", "HTTPS://TRUYXUAT.EXAMPLE.COM"), stamp.toQrContent());
        assertEquals(stamp, StampUrl.parse(stamp.toQrContent()));
        assertEquals(
                stamp,
                StampUrl.of(
                        stamp.baseUrl(), stamp.gtin14(), stamp.lot(), stamp.serial(), stamp.kid(), stamp.signature()));
    }

    @Test
    void shouldRoundTripEveryGs1CharacterThroughThePath() {
        String all = Gs1Value.CHARSET_82;
        for (int start = 0; start < all.length(); start += 20) {
            String lot = all.substring(start, Math.min(all.length(), start + 20));
            StampUrl stamp = StampUrl.of("https://a.example", "00893850100125", lot, lot, "kPr", new byte[64]);
            StampUrl parsed = StampUrl.parse(stamp.toUrl());
            assertEquals(lot, parsed.lot());
            assertEquals(lot, parsed.serial());
            String path = stamp.path().substring("/01/00893850100125/10/".length());
            assertTrue(path.chars().allMatch(c -> Character.isLetterOrDigit(c) || "-._%/".indexOf(c) >= 0), path);
        }
        assertEquals("HT%2F25%3A01", Gs1Value.encode("HT/25:01"));
    }

    @Test
    void shouldParseUnderABaseUrlWithAPath() {
        String url = "https://example.com/trace/01/00893850100125/10/L1/21/S1?8030=kPr" + SIG;
        StampUrl stamp = StampUrl.parse(url, "https://EXAMPLE.com/trace/");
        assertEquals("https://example.com/trace", stamp.baseUrl());
        assertEquals("S1", stamp.serial());
        assertEquals(url, stamp.toUrl());
        assertThrows(InvalidStampException.class, () -> StampUrl.parse(url));
        assertThrows(InvalidStampException.class, () -> StampUrl.parse(url, "https://example.com/other"));
        assertThrows(InvalidStampException.class, () -> StampUrl.parse(url, "https://example.org/trace"));
    }

    @Test
    void shouldTolerateOtherQueryParameters() {
        assertEquals("7K3M9QXR2D", StampUrl.parse(URL + "&lang=vi").serial());
        String reordered = URL.replace("?8030=", "?lang=en&17=261231&8030=");
        assertEquals(StampUrl.parse(URL), StampUrl.parse(reordered));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "https://truyxuat.example.com/x/01/00893850100125/10/L/21/S?8030=",
                "https://truyxuat.example.com/01/00893850100125/10/L/21/S/?8030=",
                "https://truyxuat.example.com/01/00893850100125/10/L/21/S/22/V?8030=",
                "https://truyxuat.example.com/414/00893850100125/10/L/21/S?8030=",
                "https://truyxuat.example.com/01/00893850100125/21/S/10/L?8030=",
                "https://truyxuat.example.com/01/00893850100125/10/L/22/S?8030=",
                "https://truyxuat.example.com/01/00893850100126/10/L/21/S?8030=",
                "https://truyxuat.example.com/01/0893850100125/10/L/21/S?8030=",
                "https://truyxuat.example.com/01/00893850100125/10//21/S?8030=",
                "https://truyxuat.example.com/01/00893850100125/10/L/21/123456789012345678901?8030=",
                "https://truyxuat.example.com/01/00893850100125/10/L~1/21/S?8030=",
                "https://truyxuat.example.com/01/00893850100125/10/L%7E1/21/S?8030=",
                "https://truyxuat.example.com/01/00893850100125/10/L%2/21/S?8030=",
                "https://truyxuat.example.com/01/00893850100125/10/L%2f/21/S?8030=",
                "https://truyxuat.example.com/01/00893850100125/10/L%41/21/S?8030=",
                "https://truyxuat.example.com/01/00893850100125/10/L:1/21/S?8030=",
                "https://truyxuat.example.com/01/00893850100125/10/L%C3%A1/21/S?8030=",
                "https://truyxuat.example.com/01/00893850100125/10/Lá/21/S?8030=",
                "https://truyxuat.example.com/01/00893850100125/10/L 1/21/S?8030=",
                "https://truyxuat.example.com/01/00893850100125/10/L/21/S?8030=#frag",
            })
    void shouldRejectMalformedPaths(String prefix) {
        // control: the same shape with a valid path parses, so each case fails for its path alone
        assertEquals(
                "S",
                StampUrl.parse("https://truyxuat.example.com/01/00893850100125/10/L/21/S?8030=kPr" + SIG)
                        .serial());
        // prefixes end with "?8030=" so the signature is fine and the path is what is wrong
        String url = prefix.endsWith("#frag") ? prefix.replace("#frag", "kPr" + SIG + "#frag") : prefix + "kPr" + SIG;
        assertThrows(InvalidStampException.class, () -> StampUrl.parse(url), url);
    }

    @Test
    void shouldRejectMissingShortOversizedOrBadSignatures() {
        String path = URL.substring(0, URL.indexOf('?'));
        assertThrows(InvalidStampException.class, () -> StampUrl.parse(path));
        assertThrows(InvalidStampException.class, () -> StampUrl.parse(path + "?lang=vi"));
        assertThrows(InvalidStampException.class, () -> StampUrl.parse(path + "?8030"));
        assertThrows(InvalidStampException.class, () -> StampUrl.parse(path + "?8030="));
        assertThrows(InvalidStampException.class, () -> StampUrl.parse(path + "?8030=kPr" + SIG.substring(1)));
        InvalidStampException oversized =
                assertThrows(InvalidStampException.class, () -> StampUrl.parse(path + "?8030=kPr" + SIG + "AA"));
        assertTrue(oversized.getMessage().contains("at most 90"), oversized.getMessage());
        assertThrows(InvalidStampException.class, () -> StampUrl.parse(path + "?8030=kPr" + SIG.replace('_', '/')));
        assertThrows(InvalidStampException.class, () -> StampUrl.parse(path + "?8030=kP=" + SIG));
        assertThrows(InvalidStampException.class, () -> StampUrl.parse(URL + "&8030=kPr" + SIG));
    }

    @Test
    void shouldRejectInvalidFieldsWhenBuilding() {
        byte[] sig = new byte[64];
        assertThrows(
                InvalidStampException.class,
                () -> StampUrl.of("https://a.example", "00893850100125", "L", "S", "kP", sig));
        assertThrows(
                InvalidStampException.class,
                () -> StampUrl.of("https://a.example", "00893850100125", "L", "S", "kPr", new byte[63]));
        assertThrows(
                InvalidStampException.class,
                () -> StampUrl.of("https://a.example", "00893850100125", "", "S", "kPr", sig));
        assertThrows(
                InvalidStampException.class,
                () -> StampUrl.of("https://a.example", "00893850100125", "L", "a~b", "kPr", sig));
        assertThrows(
                InvalidStampException.class,
                () -> StampUrl.of("https://a.example", "0893850100125", "L", "S", "kPr", sig));
    }
}
