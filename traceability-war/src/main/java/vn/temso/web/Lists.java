package vn.temso.web;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import vn.temso.platform.rest.Page;
import vn.temso.platform.rest.PageRequest;

/**
 * The pages' lists: {@value #PAGE_SIZE} rows a page, the page number from {@code ?page=} (0-based, as in the API), shown
 * with the shared pager ({@code WEB-INF/templates/pager.xhtml}: "1–50 of 1.234", previous and next links that keep
 * the list's filters). No list stops silently: the pager counts every match.
 */
public final class Lists {

    public static final int PAGE_SIZE = 50;

    /** Options of a dropdown are read this many at a time (the API's largest page). */
    static final int CHOICE_PAGE = 200;

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

    /**
     * Every item of a list for a dropdown (cooperatives, products, batches, zones to choose from), read page by page:
     * a dropdown never stops at the first page without saying so.
     */
    public static <T> List<T> choices(Function<PageRequest, Page<T>> list) {
        List<T> all = new ArrayList<>();
        for (int p = 0; ; p++) {
            Page<T> page = list.apply(new PageRequest(p, CHOICE_PAGE));
            all.addAll(page.items());
            if (page.items().size() < CHOICE_PAGE || all.size() >= page.total()) {
                return all;
            }
        }
    }

    /** A filter value from the page: null when blank. */
    public static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
