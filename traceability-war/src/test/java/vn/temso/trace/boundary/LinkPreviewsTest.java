package vn.temso.trace.boundary;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class LinkPreviewsTest {

    @Test
    void shouldKnowTheLinkPreviewCrawlersButNotThePhonesBuyersScanWith() {
        assertTrue(
                LinkPreviews.isPreviewer("facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)"));
        assertTrue(LinkPreviews.isPreviewer("TelegramBot (like TwitterBot)"));
        assertTrue(LinkPreviews.isPreviewer("WhatsApp/2.23.20.0"));
        assertFalse(
                LinkPreviews.isPreviewer(
                        "Mozilla/5.0 (Linux; Android 12; SM-A125F) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/119 Mobile Safari/537.36 Zalo android/12345"));
        assertFalse(
                LinkPreviews.isPreviewer(
                        "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 Version/17.0 Mobile Safari/604.1"));
        assertFalse(LinkPreviews.isPreviewer(null));
        assertFalse(LinkPreviews.isPreviewer("x".repeat(2000) + "facebookexternalhit"));
    }
}
