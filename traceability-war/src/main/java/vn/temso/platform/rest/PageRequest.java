package vn.temso.platform.rest;

import vn.temso.platform.problem.Problems;

/** Validated paging parameters (0-based page, 1..200 items). */
public record PageRequest(int page, int size) {

    public static PageRequest of(String page, String size) {
        int p = number("page", page, 0);
        int s = number("size", size, 20);
        if (p < 0) {
            throw new Problems.ValidationFailed("page", "page must be 0 or more");
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
        return page * size;
    }
}
