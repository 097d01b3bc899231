package vn.temso.epcis.control;

import java.util.Map;
import java.util.TreeMap;
import tools.jackson.databind.JsonNode;
import vn.temso.epcis.entity.Identifiers;

/**
 * The prefixes a captured document declares in its {@code @context} beyond the standard context and Temso's own
 * ({@code "example": "https://ns.example.com/epcis/"}): a captured event keeps them as its own {@code @context}, so its
 * extension fields ({@code example:temperature}) still mean the same in the documents Temso writes.
 */
final class DocumentContext {

    private DocumentContext() {}

    /** Prefix to IRI, sorted; empty when the document declares none of its own. */
    static Map<String, String> extraPrefixes(JsonNode context) {
        Map<String, String> prefixes = new TreeMap<>();
        if (context.isObject()) {
            add(context, prefixes);
        } else if (context.isArray()) {
            context.forEach(item -> {
                if (item.isObject()) {
                    add(item, prefixes);
                }
            });
        }
        return prefixes;
    }

    private static void add(JsonNode definitions, Map<String, String> prefixes) {
        definitions.properties().forEach(e -> {
            boolean temso = Identifiers.PREFIX.equals(e.getKey())
                    && Identifiers.NAMESPACE.equals(e.getValue().asString(""));
            if (e.getValue().isString() && !temso) {
                prefixes.put(e.getKey(), e.getValue().asString());
            }
        });
    }
}
