package vn.temso.imports.control;

import java.util.Locale;
import vn.temso.platform.problem.ProblemException;

/** The file as a whole cannot be imported: not a spreadsheet (415), damaged (400), too big (413), too many rows. */
public final class FileProblem extends ProblemException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final String slug;

    private FileProblem(int status, String slug, String detail) {
        super(detail);
        this.status = status;
        this.slug = slug;
    }

    public static FileProblem unsupported(Locale l) {
        return new FileProblem(415, "import/unsupported-file", Messages.text(l, "file.unsupported"));
    }

    /** A CSV file in another encoding than UTF-8: Excel's "CSV (Comma delimited)" writes the Windows code page. */
    public static FileProblem notUtf8(Locale l) {
        return new FileProblem(415, "import/not-utf8", Messages.text(l, "file.notUtf8"));
    }

    public static FileProblem oldExcel(Locale l) {
        return new FileProblem(415, "import/unsupported-file", Messages.text(l, "file.xls"));
    }

    public static FileProblem damaged(Locale l) {
        return new FileProblem(400, "import/unreadable-file", Messages.text(l, "file.badXlsx"));
    }

    public static FileProblem tooLarge(Locale l, long maxBytes) {
        return new FileProblem(413, "import/file-too-large", Messages.text(l, "file.tooLarge", maxBytes / 1_000_000));
    }

    public static FileProblem tooManyRows(Locale l, int maxRows) {
        return new FileProblem(413, "import/too-many-rows", Messages.text(l, "file.tooManyRows", maxRows));
    }

    @Override
    public String type() {
        return slug;
    }

    @Override
    public String title() {
        return status == 413 ? "The file is too large" : "The file cannot be imported";
    }

    @Override
    public int status() {
        return status;
    }
}
