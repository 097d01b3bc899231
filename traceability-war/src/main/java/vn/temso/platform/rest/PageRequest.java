package vn.temso.platform.rest;

import vn.temso.platform.problem.Problems;

/**
 * Validated paging parameters (0-based page up to {@value #MAX_PAGE}, 1..200 items). The cap keeps
 * {@code page * size} inside an int, so no page number can overflow into a negative offset.
 */
public record PageRequest(int page, int size) {

    public static final int MAX_PAGE = 1_000_000;

    public static PageRequest of(String page, String size) {
        int p = number("page", page, 0);
        int s = number("size", size, 20);
        if (p < 0 || p > MAX_PAGE) {
            throw new Problems.ValidationFailed("page", "page must be between 0 and " + MAX_PAGE);
        }
        if (s < 1 || s > 200) {
            throw new Problems.ValidationFailed("size", "size must be between 1 and 200");
        }
        return new PageRequest(p, s);
    }

    private static int number(String name, String value, int defaultValue) {
        if (value == null || value.isBlank()) {
            return defaultValue;
        }
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new Problems.ValidationFailed(name, name + " must be a whole number");
        }
    }

    public int offset() {
        return (int) Math.min(Integer.MAX_VALUE, (long) page * size);
    }
}
