package vn.temso.catalog.feed;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** Where a catalog goes. Every channel except {@link #HTTP_PUSH} produces a feed file. */
public enum Channel {
    GOOGLE_XML("google-xml"),
    GOOGLE_TSV("google-tsv"),
    META_CSV("meta-csv"),
    VOSO_CSV("voso-csv"),
    POSTMART_CSV("postmart-csv"),
    JSONLD("jsonld"),
    HTTP_PUSH("http-push");

    private final String cliName;

    Channel(String cliName) {
        this.cliName = cliName;
    }

    public String cliName() {
        return cliName;
    }

    public boolean writesFile() {
        return this != HTTP_PUSH;
    }

    public static Channel fromCliName(String name) {
        String key = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
        for (Channel c : values()) {
            if (c.cliName.equals(key)) {
                return c;
            }
        }
        throw new IllegalArgumentException("unknown channel \"" + name + "\"; expected one of "
                + Arrays.stream(values())
                        .filter(Channel::writesFile)
                        .map(Channel::cliName)
                        .collect(Collectors.joining(", ")));
    }
}
