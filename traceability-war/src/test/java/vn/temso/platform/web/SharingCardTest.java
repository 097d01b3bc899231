package vn.temso.platform.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SharingCardTest {

    @Test
    void shouldEscapeEveryValueAndLeaveOutWhatIsMissing() {
        StringBuilder h = new StringBuilder();
        new SharingCard("Gạo \"ngon\" <script>alert(1)</script>", "Tôm & cá", null, null, "product", false).appendTo(h);
        String html = h.toString();
        assertTrue(html.contains("<meta property=\"og:title\" content=\"Gạo &quot;ngon&quot; &lt;script&gt;"), html);
        assertTrue(html.contains("content=\"Tôm &amp; cá\""), html);
        assertFalse(html.contains("og:image"), html);
        assertFalse(html.contains("og:url"), html);
        assertTrue(html.contains("<meta name=\"twitter:card\" content=\"summary\">"), html);
        assertTrue(html.contains("<meta property=\"og:locale\" content=\"vi_VN\">"), html);
    }

    @Test
    void shouldMakeImageUrlsAbsoluteOnlyForThisServiceOrHttp() {
        assertEquals(
                "https://tem.example.vn/images/p/1200.jpg",
                SharingCard.absolute("https://tem.example.vn/", "/images/p/1200.jpg"));
        assertEquals(
                "https://cdn.example/x.jpg",
                SharingCard.absolute("https://tem.example.vn", "https://cdn.example/x.jpg"));
        assertNull(SharingCard.absolute("https://tem.example.vn", "//evil.example/x.jpg"));
        assertNull(SharingCard.absolute("https://tem.example.vn", "javascript:alert(1)"));
        assertNull(SharingCard.absolute("https://tem.example.vn", " "));
        assertNull(SharingCard.absolute(null, "/images/p"));
    }

    @Test
    void shouldCutLongDescriptionsOnACharacterNotInsideIt() {
        String text = "Gạo thơm ".repeat(40);
        String cut = SharingCard.shortened(text);
        assertEquals(SharingCard.MAX_DESCRIPTION, cut.codePointCount(0, cut.length()), cut);
        assertTrue(cut.endsWith("…"), cut);
        assertEquals("một dòng", SharingCard.shortened("một\n  dòng "));
    }
}
