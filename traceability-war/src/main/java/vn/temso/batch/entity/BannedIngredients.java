package vn.temso.batch.entity;

import static vn.temso.platform.text.JsonProviders.JSON;

import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import vn.temso.platform.domain.InvalidField;

/**
 * The active ingredients of plant protection products banned in Vietnam, read from the data file {@value #FILE}
 * (Circular 25/2024/TT-BNNPTNT, in force 30/01/2025, and the ingredients withdrawn since; the file names its source
 * and date). An input's name is matched accent- and case-insensitively on whole words: "FURADAN 3GR" and "thuốc
 * Carbofuran" both name carbofuran.
 */
public final class BannedIngredients {

    static final String FILE = "/vn/temso/batch/pesticides-banned-vn.json";

    /**
     * One banned ingredient.
     *
     * @param basis "25/2024" for the circular's list, "withdrawn" for one taken off the permitted list
     */
    public record Ingredient(String name, String group, String basis, List<String> aliases, List<String> except) {

        /** Why an entry naming it is refused, in words a farmer reads. */
        public String reason() {
            return "withdrawn".equals(basis)
                    ? name + " has been withdrawn from use in Vietnam (no longer on the permitted list since 2021)"
                    : name + " is banned in Vietnam (Circular 25/2024/TT-BNNPTNT, in force 30/01/2025)";
        }
    }

    /** An ingredient with the keys of its names and exceptions, worked out once (every diary entry is checked). */
    private record Keys(Ingredient ingredient, List<String> names, List<String> except) {

        static Keys of(Ingredient i) {
            return new Keys(
                    i,
                    Stream.concat(Stream.of(i.name()), i.aliases().stream())
                            .map(BannedIngredients::key)
                            .toList(),
                    i.except().stream().map(BannedIngredients::key).toList());
        }

        boolean namedIn(String inputKey) {
            return except.stream().noneMatch(inputKey::contains)
                    && names.stream().anyMatch(inputKey::contains);
        }
    }

    /** What the data file says about itself. */
    public record Source(String title, String source, String inForceFrom, String compiled) {}

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern NOT_WORD = Pattern.compile("[^\\p{Alnum}]+");
    private static final Source SOURCE;
    private static final List<Ingredient> ALL;
    private static final List<Keys> MATCHERS;

    static {
        try (InputStream in = BannedIngredients.class.getResourceAsStream(FILE);
                JsonReader r = JSON.createReader(in)) {
            JsonObject o = r.readObject();
            SOURCE = new Source(
                    o.getString("title"), o.getString("source"), o.getString("inForceFrom"), o.getString("compiled"));
            ALL = o.getJsonArray("ingredients").getValuesAs(JsonObject.class).stream()
                    .map(i -> new Ingredient(
                            i.getString("name"),
                            i.getString("group"),
                            i.getString("basis"),
                            strings(i, "aliases"),
                            strings(i, "except")))
                    .toList();
            MATCHERS = ALL.stream().map(Keys::of).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private BannedIngredients() {}

    private static List<String> strings(JsonObject o, String name) {
        return o.containsKey(name)
                ? o.getJsonArray(name).getValuesAs(JsonString.class).stream()
                        .map(JsonString::getString)
                        .toList()
                : List.of();
    }

    public static Source source() {
        return SOURCE;
    }

    public static List<Ingredient> all() {
        return ALL;
    }

    /** The banned ingredient an input's name names, if any. */
    public static Optional<Ingredient> namedIn(String inputName) {
        if (inputName == null || inputName.isBlank()) {
            return Optional.empty();
        }
        String k = key(inputName);
        return MATCHERS.stream().filter(m -> m.namedIn(k)).map(Keys::ingredient).findFirst();
    }

    /** Refuses an input that names a banned ingredient, on {@code inputName}. */
    static void refuseBanned(String inputName) {
        namedIn(inputName).ifPresent(i -> {
            throw new InvalidField("inputName", i.reason() + ": choose another product");
        });
    }

    /**
     * Words of a name as compared: without accents (đ as d), lower case, anything but letters and digits as one
     * space, with a space either side so that a key found in another names whole words.
     */
    public static String key(String s) {
        String bare = MARKS.matcher(Normalizer.normalize(s, Normalizer.Form.NFD))
                .replaceAll("")
                .replace('đ', 'd')
                .replace('Đ', 'D')
                .toLowerCase(Locale.ROOT);
        String plain = NOT_WORD.matcher(bare).replaceAll(" ").strip();
        return " " + plain + " ";
    }
}
