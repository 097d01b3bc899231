package vn.temso.web;

import vn.temso.platform.rest.PageRequest;

/**
 * The pages' lists: {@value #PAGE_SIZE} rows a page, the page number from {@code ?page=} (0-based, as in the API), shown
 * with the shared pager ({@code WEB-INF/templates/pager.xhtml}: "1–50 of 1.234", previous and next links that keep
 * the list's filters). No list stops silently: the pager counts every match.
 */
public final class Lists {

    public static final int PAGE_SIZE = 50;

    private Lists() {}

    /** The page asked for, within the API's bounds (a page past the last shows no rows, and the count). */
    public static PageRequest request(int page) {
        return new PageRequest(Math.max(0, Math.min(page, PageRequest.MAX_PAGE)), PAGE_SIZE);
    }

    /**
     * The page number of a list whose rows carry buttons: read from the request itself ({@code ?page=}, or the
     * hidden field of the list's form on a postback), so the rows a button is decoded against are the rows it was
     * shown with. Anything but a number is the first page.
     */
    public static int pageParam() {
        String p = blankToNull(Ui.param("page"));
        try {
            return p == null ? 0 : Integer.parseInt(p);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** An enum filter read from the request as {@link #pageParam}; none when absent or not a constant. */
    public static <E extends Enum<E>> E enumParam(Class<E> type, String name) {
        String v = blankToNull(Ui.param(name));
        for (E e : type.getEnumConstants()) {
            if (e.name().equals(v)) {
                return e;
            }
        }
        return null;
    }

    /** A filter value from the page: null when blank. */
    public static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
