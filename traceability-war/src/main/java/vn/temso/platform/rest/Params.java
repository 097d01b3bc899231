package vn.temso.platform.rest;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import vn.temso.platform.problem.Problems;

/**
 * Query parameters are taken as text and parsed here, so a bad value is a 400 naming the parameter
 * (JAX-RS would answer a failed conversion with a bare 404).
 */
public final class Params {

    private Params() {}

    public static LocalDate date(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new Problems.ValidationFailed(name, name + " must be a date such as 2026-11-22");
        }
    }

    public static <E extends Enum<E>> E enumOf(Class<E> type, String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new Problems.ValidationFailed(
                    name,
                    name + " must be one of "
                            + Arrays.stream(type.getEnumConstants())
                                    .map(Enum::name)
                                    .collect(Collectors.joining(", ")));
        }
    }
}
