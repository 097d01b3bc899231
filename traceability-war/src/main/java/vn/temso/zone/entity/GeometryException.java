package vn.temso.zone.entity;

import java.util.List;

/** A polygon that cannot be a growing-zone outline; carries one message per problem found. */
public class GeometryException extends RuntimeException {

    private final List<String> problems;

    public GeometryException(List<String> problems) {
        super(String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    public GeometryException(String problem) {
        this(List.of(problem));
    }

    public List<String> problems() {
        return problems;
    }
}
