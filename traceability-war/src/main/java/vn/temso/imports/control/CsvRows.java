package vn.temso.imports.control;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PushbackInputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * A CSV file in UTF-8, with or without a byte-order mark, parsed by Commons CSV. The separator is the one its first
 * line uses most: a comma, or the semicolon Excel writes where the decimal separator is a comma (Vietnamese
 * settings), or a tab.
 */
final class CsvRows implements RowSource {

    private final Path file;
    private final Locale locale;

    CsvRows(Path file, Locale locale) {
        this.file = file;
        this.locale = locale;
    }

    @Override
    public void read(RowHandler handler) throws IOException {
        try (InputStream in = new PushbackInputStream(Files.newInputStream(file), 3)) {
            skipBom((PushbackInputStream) in);
            var decoder = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT);
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, decoder), 1 << 16);
            reader.mark(1 << 16);
            char separator = separator(reader.readLine());
            reader.reset();
            CSVFormat format = CSVFormat.DEFAULT
                    .builder()
                    .setDelimiter(separator)
                    .setIgnoreEmptyLines(false)
                    .build();
            try (CSVParser parser = CSVParser.parse(reader, format)) {
                for (CSVRecord r : parser) {
                    List<String> cells = new ArrayList<>(r.size());
                    r.forEach(cells::add);
                    handler.row((int) r.getRecordNumber(), cells);
                }
            } catch (java.io.UncheckedIOException e) {
                if (e.getCause() instanceof CharacterCodingException) {
                    throw FileProblem.notUtf8(locale);
                }
                throw FileProblem.damaged(locale);
            }
        } catch (CharacterCodingException e) {
            throw FileProblem.notUtf8(locale);
        }
    }

    private static void skipBom(PushbackInputStream in) throws IOException {
        byte[] head = in.readNBytes(3);
        if (!(head.length == 3 && (head[0] & 0xff) == 0xef && (head[1] & 0xff) == 0xbb && (head[2] & 0xff) == 0xbf)) {
            in.unread(head);
        }
    }

    static char separator(String firstLine) {
        if (firstLine == null) {
            return ',';
        }
        long commas = firstLine.chars().filter(c -> c == ',').count();
        long semicolons = firstLine.chars().filter(c -> c == ';').count();
        long tabs = firstLine.chars().filter(c -> c == '\t').count();
        if (tabs > commas && tabs > semicolons) {
            return '\t';
        }
        return semicolons > commas ? ';' : ',';
    }
}
