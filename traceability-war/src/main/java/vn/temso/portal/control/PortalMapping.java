package vn.temso.portal.control;

import static vn.temso.platform.text.JsonProviders.JSON;

import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonConfig;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParsingException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import vn.temso.portal.entity.PortalRecord;

/**
 * The mapping from a lot's {@link PortalRecord} to the portal's payload: for each target field of the payload, where its
 * value comes from (one source path, the first present of several, or a fixed value) and whether the portal requires
 * it. Read from a JSON file an operator can change without a rebuild (format in docs/epcis-portal.md); every entry is
 * checked when the file is read, against the record's own structure, and a bad one is refused with a message naming
 * it. Immutable and thread-safe.
 */
public final class PortalMapping {

    /** A target segment: anything but dots, blanks and control characters. */
    private static final Pattern TARGET_SEGMENT = Pattern.compile("[^.\\s\\p{Cntrl}]+");

    /** Parsson's words for a repeated key (refused by {@link JsonConfig.KeyStrategy#NONE}). */
    private static final Pattern DUPLICATE_KEY = Pattern.compile("Duplicate key '(.*)' is not allowed");

    private static final Set<String> TOP_KEYS = Set.of("fields", "$comment", "description", "version");
    private static final Set<String> ENTRY_KEYS = Set.of("source", "value", "required", "missing", "description");

    /** One target field of the payload. */
    public record Field(
            String target,
            List<String> sources,
            JsonValue value,
            boolean required,
            String missingVi,
            String missingEn) {
        public Field {
            sources = List.copyOf(sources);
        }
    }

    /** A required field the record lacks, with what to tell the cooperative in Vietnamese and English. */
    public record Missing(String field, String source, String vi, String en) {}

    /** The payload, and the required fields it lacks (empty when the record may be sent). */
    public record Mapped(JsonObject payload, List<Missing> missing) {
        public Mapped {
            missing = List.copyOf(missing);
        }

        public boolean complete() {
            return missing.isEmpty();
        }
    }

    /** A mapping file that cannot be used; the message names the entry and what is wrong with it. */
    public static final class InvalidMapping extends RuntimeException {
        InvalidMapping(String message) {
            super(message);
        }
    }

    private final List<Field> fields;

    private PortalMapping(List<Field> fields) {
        this.fields = List.copyOf(fields);
    }

    public List<Field> fields() {
        return fields;
    }

    /** Reads and checks a mapping file's text. @throws InvalidMapping naming the first bad entry */
    public static PortalMapping parse(String json) {
        JsonObject root;
        try (JsonReader reader = JSON.createReaderFactory(Map.of(JsonConfig.KEY_STRATEGY, JsonConfig.KeyStrategy.NONE))
                .createReader(new StringReader(json))) {
            root = reader.readObject();
        } catch (JsonException | IllegalStateException e) {
            var duplicate = DUPLICATE_KEY.matcher(String.valueOf(e.getMessage()));
            if (duplicate.find()) {
                throw new InvalidMapping("the key \"" + duplicate.group(1) + "\" appears twice in one object");
            }
            if (e instanceof JsonParsingException p && p.getLocation() != null) {
                throw new InvalidMapping(
                        "not valid JSON at line " + p.getLocation().getLineNumber() + ", column "
                                + p.getLocation().getColumnNumber() + ": " + e.getMessage());
            }
            throw new InvalidMapping("not a JSON object: " + e.getMessage());
        }
        for (String key : root.keySet()) {
            if (!TOP_KEYS.contains(key)) {
                throw new InvalidMapping(
                        "unknown top-level key \"" + key + "\" (allowed: fields, $comment, description," + " version)");
            }
        }
        JsonValue fieldsValue = root.get("fields");
        if (!(fieldsValue instanceof JsonObject entries) || entries.isEmpty()) {
            throw new InvalidMapping("\"fields\" must be an object with at least one target field");
        }
        List<Field> fields = new ArrayList<>();
        for (Map.Entry<String, JsonValue> e : entries.entrySet()) {
            fields.add(field(e.getKey(), e.getValue()));
        }
        checkTargets(fields);
        return new PortalMapping(fields);
    }

    private static Field field(String target, JsonValue entry) {
        String where = "field \"" + target + "\": ";
        if (!validTarget(target)) {
            throw new InvalidMapping(where + "a target is one or more names joined by dots (\"producer.name\"), without"
                    + " blanks or empty names");
        }
        if (entry instanceof JsonString s) {
            return new Field(target, List.of(checkedSource(where, s.getString())), null, false, null, null);
        }
        if (!(entry instanceof JsonObject o)) {
            throw new InvalidMapping(
                    where + "must be a source path (a string) or an object {\"source\": …, \"required\":" + " …}");
        }
        for (String key : o.keySet()) {
            if (!ENTRY_KEYS.contains(key)) {
                throw new InvalidMapping(where + "unknown key \"" + key + "\" (allowed: source, value, required,"
                        + " missing, description)");
            }
        }
        if (o.containsKey("source") == o.containsKey("value")) {
            throw new InvalidMapping(
                    where + "give exactly one of \"source\" (a path in the record) and \"value\" (a" + " fixed value)");
        }
        boolean required = false;
        if (o.containsKey("required")) {
            JsonValue r = o.get("required");
            if (r != JsonValue.TRUE && r != JsonValue.FALSE) {
                throw new InvalidMapping(where + "\"required\" must be true or false");
            }
            required = r == JsonValue.TRUE;
        }
        String vi = null;
        String en = null;
        if (o.containsKey("missing")) {
            if (!(o.get("missing") instanceof JsonObject m)
                    || !(m.get("vi") instanceof JsonString mv)
                    || !(m.get("en") instanceof JsonString me)
                    || m.size() != 2) {
                throw new InvalidMapping(where + "\"missing\" must be {\"vi\": \"…\", \"en\": \"…\"}");
            }
            vi = mv.getString();
            en = me.getString();
        }
        if (o.containsKey("value")) {
            JsonValue v = o.get("value");
            if (v.getValueType() == JsonValue.ValueType.NULL
                    || v.getValueType() == JsonValue.ValueType.OBJECT
                    || v.getValueType() == JsonValue.ValueType.ARRAY) {
                throw new InvalidMapping(where + "a fixed \"value\" is a string, number, true or false");
            }
            return new Field(target, List.of(), v, required, vi, en);
        }
        return new Field(target, sources(where, o.get("source")), null, required, vi, en);
    }

    private static List<String> sources(String where, JsonValue source) {
        if (source instanceof JsonString s) {
            return List.of(checkedSource(where, s.getString()));
        }
        if (source instanceof JsonArray a && !a.isEmpty()) {
            List<String> out = new ArrayList<>();
            for (JsonValue v : a) {
                if (!(v instanceof JsonString s)) {
                    throw new InvalidMapping(where + "\"source\" alternatives must all be strings");
                }
                out.add(checkedSource(where, s.getString()));
            }
            return out;
        }
        throw new InvalidMapping(
                where + "\"source\" must be a path such as \"product.name\", or a list of paths (the first present is"
                        + " used)");
    }

    /** Checks a source path against the record's structure. */
    static String checkedSource(String where, String path) {
        String[] segments = path.split("\\.", -1);
        Class<?> type = PortalRecord.class;
        boolean projected = false;
        for (int i = 0; i < segments.length; i++) {
            String seg = segments[i];
            boolean each = seg.endsWith("[]");
            String name = each ? seg.substring(0, seg.length() - 2) : seg;
            if (type == null || !type.isRecord()) {
                throw new InvalidMapping(where + "source \"" + path + "\": \""
                        + String.join(".", List.of(segments).subList(0, i)) + "\" is a value and has no fields");
            }
            RecordJson.Member m = RecordJson.members(type).stream()
                    .filter(x -> x.name().equals(name))
                    .findFirst()
                    .orElse(null);
            if (m == null) {
                String parent = i == 0
                        ? "the record"
                        : "\"" + String.join(".", List.of(segments).subList(0, i)) + "\"";
                throw new InvalidMapping(where + "unknown source \"" + path + "\": " + parent + " has no \"" + name
                        + "\" (it has: "
                        + RecordJson.members(type).stream()
                                .map(RecordJson.Member::name)
                                .collect(Collectors.joining(", "))
                        + ")");
            }
            boolean last = i == segments.length - 1;
            if (each && !(m.list() && m.isRecord())) {
                throw new InvalidMapping(where + "source \"" + path + "\": \"" + name + "[]\" is only for a list of"
                        + " objects, to take one field of each (\"events[].eventTime\")");
            }
            if (each && (last || projected)) {
                throw new InvalidMapping(where + "source \"" + path + "\": \"" + name + "[]\" must be followed by one"
                        + " field of its objects, and a path takes one list apart at most");
            }
            if (m.list() && !each && !last) {
                throw new InvalidMapping(where + "source \"" + path + "\": \"" + name + "\" is a list; write \"" + name
                        + "[]." + segments[i + 1] + "\" to take that field of each");
            }
            projected |= each;
            type = m.isRecord() ? m.type() : null;
        }
        return path;
    }

    private static boolean validTarget(String target) {
        for (String seg : target.split("\\.", -1)) {
            if (!TARGET_SEGMENT.matcher(seg).matches()) {
                return false;
            }
        }
        return true;
    }

    /** No target may be both a value and an object holding other targets ("producer" and "producer.name"). */
    private static void checkTargets(List<Field> fields) {
        Set<String> targets = fields.stream().map(Field::target).collect(Collectors.toSet());
        for (Field f : fields) {
            String t = f.target();
            for (int dot = t.indexOf('.'); dot > 0; dot = t.indexOf('.', dot + 1)) {
                String parent = t.substring(0, dot);
                if (targets.contains(parent)) {
                    throw new InvalidMapping("field \"" + t + "\": its parent \"" + parent + "\" is a field of its"
                            + " own; a target is either a value or an object of other targets");
                }
            }
        }
    }

    /** Applies the mapping to a record's JSON form. */
    public Mapped apply(JsonObject record) {
        Map<String, Object> tree = new LinkedHashMap<>();
        List<Missing> missing = new ArrayList<>();
        for (Field f : fields) {
            JsonValue value = f.value(); // null unless the field has a fixed value
            for (String source : f.sources()) {
                JsonValue v = resolve(record, source);
                if (present(v)) {
                    value = v;
                    break;
                }
            }
            if (value != null) {
                put(tree, f.target(), value);
            } else if (f.required()) {
                missing.add(missingOf(f));
            }
        }
        return new Mapped(build(tree), missing);
    }

    private static Missing missingOf(Field f) {
        String source = String.join(" | ", f.sources());
        if (f.missingVi() != null) {
            return new Missing(f.target(), source, f.missingVi(), f.missingEn());
        }
        MissingMessages.Text text = MissingMessages.of(f.target(), f.sources());
        return new Missing(f.target(), source, text.vi(), text.en());
    }

    /** The value at a source path (null when absent); {@code name[].field} collects that field of each element. */
    static JsonValue resolve(JsonValue root, String path) {
        return resolve(root, path.split("\\."), 0);
    }

    private static JsonValue resolve(JsonValue current, String[] segments, int i) {
        if (i == segments.length) {
            return current;
        }
        if (!(current instanceof JsonObject o)) {
            return null;
        }
        String seg = segments[i];
        if (seg.endsWith("[]")) {
            if (!(o.get(seg.substring(0, seg.length() - 2)) instanceof JsonArray a)) {
                return null;
            }
            JsonArrayBuilder out = JSON.createArrayBuilder();
            for (JsonValue element : a) {
                JsonValue v = resolve(element, segments, i + 1);
                if (present(v)) {
                    out.add(v);
                }
            }
            return out.build();
        }
        return resolve(o.get(seg), segments, i + 1);
    }

    /** Present: not null, not a blank string, not an empty list or object. */
    static boolean present(JsonValue v) {
        if (v == null || v.getValueType() == JsonValue.ValueType.NULL) {
            return false;
        }
        if (v instanceof JsonString s) {
            return !s.getString().isBlank();
        }
        if (v instanceof JsonArray a) {
            return !a.isEmpty();
        }
        return !(v instanceof JsonObject o) || !o.isEmpty();
    }

    @SuppressWarnings("unchecked")
    private static void put(Map<String, Object> tree, String target, JsonValue value) {
        String[] parts = target.split("\\.");
        Map<String, Object> node = tree;
        for (int i = 0; i < parts.length - 1; i++) {
            node = (Map<String, Object>) node.computeIfAbsent(parts[i], k -> new LinkedHashMap<String, Object>());
        }
        node.put(parts[parts.length - 1], value);
    }

    @SuppressWarnings("unchecked")
    private static JsonObject build(Map<String, Object> tree) {
        JsonObjectBuilder b = JSON.createObjectBuilder();
        tree.forEach((k, v) -> b.add(k, v instanceof Map<?, ?> m ? build((Map<String, Object>) m) : (JsonValue) v));
        return b.build();
    }
}
