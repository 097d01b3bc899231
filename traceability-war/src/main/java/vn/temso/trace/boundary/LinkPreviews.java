package vn.temso.trace.boundary;

import java.util.List;
import java.util.Locale;

/**
 * The crawlers that fetch a link to build its preview when someone shares it (Facebook and Messenger, X, Telegram,
 * WhatsApp, Slack, Discord, LinkedIn, Skype) and search engines. They fetch a stamp URL from their data centres, once
 * per share: counted as scans, every share would add a "place" to the stamp's history and could make a genuine
 * stamp look copied. Their fetches get the verdict without being counted.
 *
 * <p>The user agent is the client's claim, so this can only make a request not count; it never makes a stamp look
 * better to anyone (a copied stamp is caught by buyers' phones, which do not send these names). The Zalo app is not
 * listed: its in-app browser is how many buyers open a scanned stamp.
 */
final class LinkPreviews {

    private static final List<String> TOKENS = List.of(
            "facebookexternalhit",
            "facebot",
            "twitterbot",
            "telegrambot",
            "whatsapp/",
            "slackbot",
            "discordbot",
            "linkedinbot",
            "skypeuripreview",
            "googlebot",
            "bingbot",
            "applebot");

    private LinkPreviews() {}

    static boolean isPreviewer(String userAgent) {
        if (userAgent == null || userAgent.length() > 1000) {
            return false;
        }
        String ua = userAgent.toLowerCase(Locale.ROOT);
        for (String token : TOKENS) {
            if (ua.contains(token)) {
                return true;
            }
        }
        return false;
    }
}
