package vn.temso.catalog.feed;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A column mapping broke one or more {@link MappingRule}s. An {@link IllegalArgumentException}, so callers that only
 * report bad input (the CLI) need nothing new; callers that answer per column read {@link #problems()}.
 */
public final class InvalidMappingException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final transient List<MappingProblem> problems;

    public InvalidMappingException(List<MappingProblem> problems) {
        super(problems.stream().map(MappingProblem::message).collect(Collectors.joining("; ")));
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("an invalid mapping has at least one problem");
        }
        this.problems = List.copyOf(problems);
    }

    InvalidMappingException(String header, MappingRule rule, String message) {
        this(List.of(new MappingProblem(header, rule, message)));
    }

    /** Every broken rule, in column order; the mapping-wide ones last. */
    public List<MappingProblem> problems() {
        return problems;
    }
}
