package vn.temso.label.item;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads label items lazily from CSV (header row naming the {@link LabelItem} fields) or JSON (an
 * array of objects with the same fields). Items are parsed one at a time so a file of 100,000
 * rows never sits in memory. Dates are ISO {@code yyyy-MM-dd}; {@code expiry} and
 * {@code ocopStars} may be left empty.
 *
 * <p>The returned streams hold the file open: close them (try-with-resources).
 */
public final class LabelItemReader {

    /** Columns every items file must have. */
    public static final List<String> REQUIRED_FIELDS =
            List.of("qrPayload", "productName", "lot", "zoneCode", "harvestDate", "netQuantity", "cooperativeName");
    /** Columns that may be absent or empty. */
    public static final List<String> OPTIONAL_FIELDS = List.of("expiry", "ocopStars");

    private static final ObjectMapper JSON =
            new ObjectMapper().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private LabelItemReader() {}

    /** Reads {@code .csv} or {@code .json} by the file's extension. */
    public static Stream<LabelItem> read(Path file) throws IOException {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (!Files.isRegularFile(file)) {
            throw new InvalidLabelItemException("items file not found: " + file);
        }
        Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
        try {
            if (name.endsWith(".csv")) {
                return readCsv(reader, file.getFileName().toString());
            }
            if (name.endsWith(".json")) {
                return readJson(reader, file.getFileName().toString());
            }
        } catch (RuntimeException e) {
            reader.close();
            throw e;
        }
        reader.close();
        throw new InvalidLabelItemException("items file must end in .csv or .json: " + file);
    }

    /**
     * Reads CSV with a header row; a UTF-8 byte-order mark (as spreadsheet programs write) is skipped.
     *
     * @param source name used in error messages, e.g. the file name
     */
    public static Stream<LabelItem> readCsv(Reader reader, String source) throws IOException {
        BufferedReader in = skipBom(reader);
        CSVParser parser = CSVFormat.DEFAULT
                .builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .setTrim(true)
                .setIgnoreEmptyLines(true)
                .build()
                .parse(in);
        try {
            checkColumns(parser.getHeaderNames(), source);
        } catch (RuntimeException e) {
            parser.close();
            throw e;
        }
        Iterator<CSVRecord> records = parser.iterator();
        Iterator<LabelItem> items = new Iterator<>() {
            @Override
            public boolean hasNext() {
                try {
                    return records.hasNext();
                } catch (UncheckedIOException | IllegalStateException e) {
                    throw new InvalidLabelItemException(
                            source + " line " + parser.getCurrentLineNumber() + ": unreadable CSV: " + e.getMessage(),
                            e);
                }
            }

            @Override
            public LabelItem next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                CSVRecord row = records.next();
                String where = source + " line " + parser.getCurrentLineNumber();
                return toItem(field -> row.isMapped(field) && row.isSet(field) ? row.get(field) : null, where);
            }
        };
        return stream(items).onClose(() -> closeQuietly(parser));
    }

    /**
     * Reads a JSON array of item objects, one object at a time.
     *
     * @param source name used in error messages, e.g. the file name
     */
    public static Stream<LabelItem> readJson(Reader reader, String source) throws IOException {
        JsonParser parser = JSON.getFactory().createParser(reader);
        try {
            if (parser.nextToken() != JsonToken.START_ARRAY) {
                throw new InvalidLabelItemException(source + ": expected a JSON array of label items");
            }
        } catch (JsonProcessingException e) {
            parser.close();
            throw new InvalidLabelItemException(source + ": not valid JSON: " + e.getOriginalMessage(), e);
        } catch (RuntimeException e) {
            parser.close();
            throw e;
        }
        Iterator<LabelItem> items = new Iterator<>() {
            private JsonToken next;
            private int index;

            @Override
            public boolean hasNext() {
                if (next == null) {
                    try {
                        next = parser.nextToken();
                    } catch (JsonProcessingException e) {
                        throw new InvalidLabelItemException(
                                source + " item " + (index + 1) + ": not valid JSON: " + e.getOriginalMessage(), e);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                    if (next == null) {
                        throw new InvalidLabelItemException(source + ": the JSON array is not closed");
                    }
                }
                return next != JsonToken.END_ARRAY;
            }

            @Override
            public LabelItem next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                index++;
                String where = source + " item " + index;
                if (next != JsonToken.START_OBJECT) {
                    throw new InvalidLabelItemException(where + ": expected an object, found " + next);
                }
                next = null;
                JsonRow row;
                try {
                    row = parser.readValueAs(JsonRow.class);
                } catch (UnrecognizedPropertyException e) {
                    throw new InvalidLabelItemException(
                            where + ": unknown field '" + e.getPropertyName() + "' (fields: "
                                    + String.join(", ", allFields()) + ")",
                            e);
                } catch (JsonProcessingException e) {
                    throw new InvalidLabelItemException(where + ": " + e.getOriginalMessage(), e);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                return toItem(row::get, where);
            }
        };
        return stream(items).onClose(() -> closeQuietly(parser));
    }

    /** Builds an item from named text fields; {@code where} prefixes every error message. */
    static LabelItem toItem(UnaryOperator<String> field, String where) {
        try {
            return new LabelItem(
                    field.apply("qrPayload"),
                    field.apply("productName"),
                    field.apply("lot"),
                    field.apply("zoneCode"),
                    date(field.apply("harvestDate"), "harvestDate"),
                    date(field.apply("expiry"), "expiry"),
                    field.apply("netQuantity"),
                    field.apply("cooperativeName"),
                    stars(field.apply("ocopStars")));
        } catch (InvalidLabelItemException e) {
            throw new InvalidLabelItemException(where + ": " + e.getMessage(), e);
        }
    }

    private static LocalDate date(String text, String field) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidLabelItemException(field + " '" + text + "' is not a date (expected yyyy-MM-dd)");
        }
    }

    private static int stars(String text) {
        if (text == null || text.isBlank()) {
            return 0;
        }
        try {
            return Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            throw new InvalidLabelItemException("ocopStars '" + text + "' is not a number (0, 3, 4 or 5)");
        }
    }

    private static void checkColumns(List<String> header, String source) {
        List<String> missing = new ArrayList<>();
        for (String field : REQUIRED_FIELDS) {
            if (!header.contains(field)) {
                missing.add(field);
            }
        }
        Set<String> known = Set.copyOf(allFields());
        List<String> unknown = header.stream().filter(h -> !known.contains(h)).toList();
        if (!missing.isEmpty() || !unknown.isEmpty()) {
            StringBuilder msg = new StringBuilder(source).append(": bad header row:");
            if (!missing.isEmpty()) {
                msg.append(" missing column(s) ")
                        .append(String.join(", ", missing))
                        .append(';');
            }
            if (!unknown.isEmpty()) {
                msg.append(" unknown column(s) ")
                        .append(String.join(", ", unknown))
                        .append(';');
            }
            msg.append(" expected ").append(String.join(",", allFields()));
            throw new InvalidLabelItemException(msg.toString());
        }
    }

    private static List<String> allFields() {
        List<String> all = new ArrayList<>(REQUIRED_FIELDS);
        all.addAll(OPTIONAL_FIELDS);
        return all;
    }

    private static BufferedReader skipBom(Reader reader) throws IOException {
        BufferedReader in = reader instanceof BufferedReader b ? b : new BufferedReader(reader);
        in.mark(1);
        if (in.read() != '\uFEFF') {
            in.reset();
        }
        return in;
    }

    private static Stream<LabelItem> stream(Iterator<LabelItem> items) {
        return StreamSupport.stream(
                Spliterators.spliteratorUnknownSize(items, Spliterator.ORDERED | Spliterator.NONNULL), false);
    }

    private static void closeQuietly(AutoCloseable c) {
        try {
            c.close();
        } catch (Exception e) {
            throw new IllegalStateException("could not close items file", e);
        }
    }

    /** JSON shape of one item; every value as text so CSV and JSON share one conversion. */
    record JsonRow(
            String qrPayload,
            String productName,
            String lot,
            String zoneCode,
            String harvestDate,
            String expiry,
            String netQuantity,
            String cooperativeName,
            String ocopStars) {
        String get(String field) {
            return switch (field) {
                case "qrPayload" -> qrPayload;
                case "productName" -> productName;
                case "lot" -> lot;
                case "zoneCode" -> zoneCode;
                case "harvestDate" -> harvestDate;
                case "expiry" -> expiry;
                case "netQuantity" -> netQuantity;
                case "cooperativeName" -> cooperativeName;
                case "ocopStars" -> ocopStars;
                default -> throw new IllegalArgumentException(field);
            };
        }
    }
}
