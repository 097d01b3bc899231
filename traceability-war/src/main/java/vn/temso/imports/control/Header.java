package vn.temso.imports.control;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import vn.temso.platform.text.Texts;

/**
 * Finds a sheet's header row and maps its cells to the kind's columns. Headers match in Vietnamese or English, in any
 * case, Unicode form or spacing, with or without a trailing "*"; rows above the header (a title, merged cells) are
 * skipped; a second header row right below it (the template's English row) is skipped too.
 */
final class Header {

    private static final int MAX_ROWS_BEFORE_HEADER = 10;

    private final ImportKind kind;
    private final Locale locale;
    private final Map<String, Column> byName = new HashMap<>();
    /** Column index → column, for the header row found. */
    private final Map<Integer, Column> columns = new LinkedHashMap<>();
    /** Column index → header text as the file spells it. */
    private final Map<Integer, String> texts = new HashMap<>();

    private int headerRow;
    private int rowsSeen;
    private boolean secondRowChecked;

    Header(ImportKind kind, Locale locale) {
        this.kind = kind;
        this.locale = locale;
        for (Column c : kind.columns()) {
            byName.put(name(c.vi()), c);
            byName.put(name(c.en()), c);
            byName.put(name(c.key()), c);
        }
    }

    static String name(String s) {
        String k = Texts.key(s);
        return k == null
                ? ""
                : k.replaceAll("\\s*\\*$", "").replaceAll("\\s*\\(\\s*", " (").replaceAll("\\s*\\)", ")");
    }

    boolean found() {
        return headerRow > 0;
    }

    int row() {
        return headerRow;
    }

    /**
     * Offers a row before the data starts.
     *
     * @return true when the row was taken as (part of) the header, false when it is the first data row
     * @throws IllegalStateException never; problems go to {@code problems}
     */
    boolean offer(int number, List<String> cells, List<ImportProblem> problems, List<ImportProblem> warnings) {
        if (headerRow == 0) {
            if (blank(cells)) {
                return true;
            }
            rowsSeen++;
            if (matches(cells) == 0) {
                if (rowsSeen >= MAX_ROWS_BEFORE_HEADER) {
                    problems.add(new ImportProblem(
                            number,
                            kind.columns().get(0).header(locale),
                            Messages.text(
                                    locale,
                                    "header.notFound",
                                    kind.columns().get(0).header(locale))));
                    headerRow = -1;
                }
                return true;
            }
            take(number, cells, problems, warnings);
            return true;
        }
        if (!secondRowChecked) {
            secondRowChecked = true;
            int known = matches(cells);
            long nonBlank = cells.stream().filter(c -> Texts.clean(c) != null).count();
            return known > 0 && known == nonBlank;
        }
        return false;
    }

    private int matches(List<String> cells) {
        int n = 0;
        for (String c : cells) {
            if (byName.containsKey(name(c))) {
                n++;
            }
        }
        return n;
    }

    private void take(int number, List<String> cells, List<ImportProblem> problems, List<ImportProblem> warnings) {
        headerRow = number;
        for (int i = 0; i < cells.size(); i++) {
            String text = Texts.clean(cells.get(i));
            if (text == null) {
                continue;
            }
            text = text.replaceAll("\\s*\\*$", ""); // the template marks required columns with a star
            Column c = byName.get(name(text));
            if (c == null) {
                warnings.add(new ImportProblem(number, text, Messages.text(locale, "header.unknown")));
                texts.put(i, text);
            } else if (columns.containsValue(c)) {
                problems.add(new ImportProblem(number, text, Messages.text(locale, "header.duplicate", text)));
            } else {
                columns.put(i, c);
                texts.put(i, text);
            }
        }
        for (Column c : kind.columns()) {
            if (c.required() && !columns.containsValue(c)) {
                problems.add(new ImportProblem(
                        number, c.header(locale), Messages.text(locale, "header.missing", c.header(locale))));
            }
        }
    }

    /** The data row's cells by column key; a value under no header at all is a problem of that cell. */
    SheetRow row(int number, List<String> cells, List<ImportProblem> problems) {
        Map<String, String> values = new HashMap<>();
        for (int i = 0; i < cells.size(); i++) {
            Column c = columns.get(i);
            if (c != null) {
                values.put(c.key(), cells.get(i));
            } else if (!texts.containsKey(i) && Texts.clean(cells.get(i)) != null) {
                problems.add(new ImportProblem(number, columnLetter(i), Messages.text(locale, "cell.noHeader")));
            }
        }
        return new SheetRow(number, values);
    }

    /** The column's header as the file spells it (the template's when the file lacks the column). */
    String headerOf(String key) {
        for (Map.Entry<Integer, Column> e : columns.entrySet()) {
            if (e.getValue().key().equals(key)) {
                return texts.get(e.getKey());
            }
        }
        return kind.column(key).map(c -> c.header(locale)).orElse(key);
    }

    String headerOfField(String field) {
        return kind.columnOfField(field).map(c -> headerOf(c.key())).orElse(field);
    }

    static boolean blank(List<String> cells) {
        return cells.stream().allMatch(c -> Texts.clean(c) == null);
    }

    /** A, B, ... Z, AA: how a spreadsheet program names the column of a cell without a header. */
    static String columnLetter(int index) {
        StringBuilder s = new StringBuilder();
        for (int i = index + 1; i > 0; i = (i - 1) / 26) {
            s.insert(0, (char) ('A' + (i - 1) % 26));
        }
        return s.toString();
    }

    List<Column> mapped() {
        return new ArrayList<>(columns.values());
    }
}
