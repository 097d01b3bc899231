package vn.temso.catalog.feed;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Objects;

/**
 * Settings shared by the writers.
 *
 * @param today    the publishing date; OCOP ratings are claimed only if valid on this day
 * @param mapping  column layout for the Voso and Postmart CSV channels; null means the channel's default
 */
public record FeedOptions(
        LocalDate today, String feedTitle, String feedLink, String feedDescription, ColumnMapping mapping) {

    /**
     * The library's one name for Vietnam time: the day a feed is published for when the caller gives none (the CLI's
     * default). Callers with a clock of their own (the WAR) pass {@code today} judged in the same zone.
     */
    public static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    public FeedOptions {
        Objects.requireNonNull(today, "today is required (OCOP labels depend on it)");
        feedTitle = feedTitle == null ? "Temso OCOP catalog" : feedTitle;
        feedLink = feedLink == null ? "https://temso.vn/" : feedLink;
        feedDescription = feedDescription == null ? "OCOP products from Vietnamese cooperatives" : feedDescription;
    }

    public static FeedOptions forDay(LocalDate today) {
        return new FeedOptions(today, null, null, null, null);
    }

    public FeedOptions withMapping(ColumnMapping m) {
        return new FeedOptions(today, feedTitle, feedLink, feedDescription, m);
    }

    public FeedOptions withFeedHeader(String title, String link, String description) {
        return new FeedOptions(today, title, link, description, mapping);
    }
}
