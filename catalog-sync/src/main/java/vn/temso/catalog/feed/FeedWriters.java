package vn.temso.catalog.feed;

/** The writer for a channel. */
public final class FeedWriters {

    private FeedWriters() {}

    public static FeedWriter forChannel(Channel channel, FeedOptions options) {
        return switch (channel) {
            case GOOGLE_XML -> new GoogleXmlFeedWriter(options);
            case GOOGLE_TSV -> CsvFeedWriter.googleTsv(options);
            case META_CSV -> CsvFeedWriter.metaCsv(options);
            case VOSO_CSV, POSTMART_CSV -> CsvFeedWriter.mapped(channel, options);
            case JSONLD -> new JsonLdFeedWriter(options);
            case HTTP_PUSH -> throw new IllegalArgumentException("http-push has no feed file; use PushClient");
        };
    }
}
