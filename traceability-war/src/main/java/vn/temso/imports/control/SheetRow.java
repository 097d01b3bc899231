package vn.temso.imports.control;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import vn.temso.platform.text.Texts;
import vn.temso.platform.time.FarmTime;

/**
 * One data row, its cells by column key, read the way Vietnamese users type: dates as dd/mm/yyyy (also ISO, and Excel
 * date cells, which the readers hand over as ISO), decimal commas, any Unicode normalisation (returned NFC). A cell
 * that cannot be read throws a {@link CellProblem} naming its column.
 */
public final class SheetRow {

    private static final Pattern DECIMAL = Pattern.compile("[+-]?\\d+(\\.\\d+)?");
    private static final DateTimeFormatter DMY =
            DateTimeFormatter.ofPattern("d/M/uuuu").withResolverStyle(ResolverStyle.STRICT);
    private static final DateTimeFormatter DMY_TIME =
            DateTimeFormatter.ofPattern("d/M/uuuu H:mm[:ss]").withResolverStyle(ResolverStyle.STRICT);

    private final int number;
    private final Map<String, String> cells;

    public SheetRow(int number, Map<String, String> cells) {
        this.number = number;
        this.cells = cells;
    }

    /** The spreadsheet's row number (1-based, as Excel shows it). */
    public int number() {
        return number;
    }

    /** NFC, trimmed; null when empty. */
    public String text(String key) {
        return Texts.clean(cells.get(key));
    }

    public String required(String key) {
        String t = text(key);
        if (t == null) {
            throw new CellProblem(key, "cell.required");
        }
        return t;
    }

    /** 24,5 / 24.5 / 1.234,5 / 1,234.5 / 1 234,5: the last separator is the decimal one when both are used. */
    public BigDecimal decimal(String key) {
        String t = text(key);
        if (t == null) {
            return null;
        }
        String s = t.replace("\u00a0", "").replace(" ", "");
        int comma = s.lastIndexOf(',');
        int dot = s.lastIndexOf('.');
        if (comma >= 0 && dot >= 0) {
            s = comma > dot ? s.replace(".", "").replace(',', '.') : s.replace(",", "");
        } else if (comma >= 0) {
            s = s.indexOf(',') == comma ? s.replace(',', '.') : s.replace(",", "");
        }
        if (!DECIMAL.matcher(s).matches() || s.length() > 40) {
            throw new CellProblem(key, "cell.decimal", t);
        }
        return new BigDecimal(s);
    }

    public Integer integer(String key, long min, long max) {
        BigDecimal d = decimal(key);
        if (d == null) {
            return null;
        }
        BigDecimal whole;
        try {
            whole = d.stripTrailingZeros().setScale(0);
        } catch (ArithmeticException e) {
            throw new CellProblem(key, "cell.integer", text(key));
        }
        if (whole.compareTo(BigDecimal.valueOf(min)) < 0 || whole.compareTo(BigDecimal.valueOf(max)) > 0) {
            throw new CellProblem(key, "cell.range", min, max);
        }
        return whole.intValueExact();
    }

    public Long wholeNumber(String key, long min, long max) {
        BigDecimal d = decimal(key);
        if (d == null) {
            return null;
        }
        try {
            long v = d.stripTrailingZeros().longValueExact();
            if (v < min || v > max) {
                throw new CellProblem(key, "cell.range", min, max);
            }
            return v;
        } catch (ArithmeticException e) {
            throw new CellProblem(key, "cell.integer", text(key));
        }
    }

    public LocalDate date(String key) {
        String t = text(key);
        if (t == null) {
            return null;
        }
        String s = t.replace('-', '/').replace('.', '/');
        try {
            if (t.matches("\\d{4}-\\d{2}-\\d{2}(T00:00(:00)?)?")) {
                return LocalDate.parse(t.substring(0, 10));
            }
            return LocalDate.parse(s, DMY);
        } catch (DateTimeException e) {
            throw new CellProblem(key, "cell.date", t);
        }
    }

    /** A moment in Vietnam time: dd/mm/yyyy [HH:mm[:ss]], ISO local or with an offset; a date alone is 00:00. */
    public Instant dateTime(String key) {
        String t = text(key);
        if (t == null) {
            return null;
        }
        try {
            if (t.matches("\\d{4}-\\d{2}-\\d{2}T.*(Z|[+-]\\d{2}:\\d{2})")) {
                return OffsetDateTime.parse(t).toInstant();
            }
            if (t.matches("\\d{4}-\\d{2}-\\d{2}[T ]\\d{1,2}:\\d{2}(:\\d{2}(\\.\\d+)?)?")) {
                return LocalDateTime.parse(t.replace(' ', 'T'))
                        .atZone(FarmTime.ZONE)
                        .toInstant();
            }
            if (t.contains(":")) {
                return LocalDateTime.parse(t.replace('-', '/').replace('.', '/'), DMY_TIME)
                        .atZone(FarmTime.ZONE)
                        .toInstant();
            }
        } catch (DateTimeException e) {
            throw new CellProblem(key, "cell.datetime", t);
        }
        try {
            return date(key).atTime(LocalTime.MIDNIGHT).atZone(FarmTime.ZONE).toInstant();
        } catch (CellProblem e) {
            throw new CellProblem(key, "cell.datetime", t);
        }
    }

    /** A value of a list: its name (SPRAYING) or one of its labels, compared case- and accent-form-insensitively. */
    public <E extends Enum<E>> E choice(String key, Class<E> type, Map<String, E> labels) {
        String t = text(key);
        if (t == null) {
            return null;
        }
        String k = Texts.key(t);
        for (E e : type.getEnumConstants()) {
            if (e.name().equalsIgnoreCase(t)) {
                return e;
            }
        }
        for (Map.Entry<String, E> l : labels.entrySet()) {
            if (Texts.key(l.getKey()).equals(k)) {
                return l.getValue();
            }
        }
        throw new CellProblem(key, "cell.choice", t, String.join(", ", labels.keySet()));
    }

    public boolean isEmpty() {
        return cells.values().stream().allMatch(v -> Texts.clean(v) == null);
    }

    @Override
    public String toString() {
        return "row " + number + " "
                + cells.keySet().stream().sorted().toList().toString().toLowerCase(Locale.ROOT);
    }
}
