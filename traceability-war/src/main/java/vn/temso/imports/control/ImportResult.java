package vn.temso.imports.control;

import java.util.List;

/**
 * What an import did (or, in a dry run, would do): rows read, records created, updated and left unchanged; the
 * problems that stopped it (nothing is written when there is one) and warnings that did not.
 */
public record ImportResult(
        String kind,
        boolean dryRun,
        boolean committed,
        int rows,
        int created,
        int updated,
        int unchanged,
        List<ImportProblem> problems,
        List<ImportProblem> warnings) {}
