package vn.temso.web;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import vn.temso.platform.problem.ProblemException;
import vn.temso.platform.problem.Problems;

/** Applies the same Bean Validation rules as the API to requests built from page forms. */
final class Validation {

    private static final Validator VALIDATOR =
            jakarta.validation.Validation.buildDefaultValidatorFactory().getValidator();

    private Validation() {}

    static void check(Object request) {
        Set<ConstraintViolation<Object>> violations = VALIDATOR.validate(request);
        if (!violations.isEmpty()) {
            List<ProblemException.Violation> list = violations.stream()
                    .map(v -> new ProblemException.Violation(v.getPropertyPath().toString(), v.getMessage()))
                    .sorted(Comparator.comparing(ProblemException.Violation::field))
                    .toList();
            throw new Problems.ValidationFailed(list.size() + " fields are invalid", list);
        }
    }
}
