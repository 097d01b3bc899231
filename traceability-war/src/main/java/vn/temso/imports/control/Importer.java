package vn.temso.imports.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import vn.temso.audit.control.AuditLog;
import vn.temso.cooperative.entity.Cooperative;
import vn.temso.platform.domain.DomainException;
import vn.temso.platform.problem.ProblemException;
import vn.temso.platform.problem.ProblemMappers;

/**
 * Runs one sheet through its kind's target in one transaction: every row is read and checked, every problem is
 * collected (row, column header, message), and the transaction commits only when there is none and it is not a dry
 * run. A dry run goes through exactly the same steps, so it reports what a commit would do, but its rows are dropped
 * chunk by chunk before they are written and the transaction rolls back.
 */
@ApplicationScoped
public class Importer {

    private static final Logger LOG = Logger.getLogger(Importer.class.getName());
    /** Rows between two flushes of the persistence context (a 50,000-row file never holds every entity at once). */
    private static final int CHUNK = 500;

    @PersistenceContext
    EntityManager em;

    @Resource
    TransactionSynchronizationRegistry transactions;

    @Inject
    AuditLog audit;

    @Inject
    @ConfigProperty(name = "temso.import.max-rows", defaultValue = "100000")
    int maxRows;

    @Transactional
    public <C> ImportResult run(
            ImportKind kind,
            String cooperativeId,
            RowSource source,
            RowCommands<C> commands,
            RowTarget<C> target,
            Locale locale,
            boolean dryRun) {
        em.unwrap(java.sql.Connection.class); // holds the connection for the whole run (also once a row has failed)
        Run<C> run = new Run<>(kind, commands, target, locale, dryRun);
        try {
            source.read(run::row);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (run.header.row() > 0 && run.rows == 0 && run.problems.isEmpty()) {
            run.problems.add(new ImportProblem(0, "", Messages.text(locale, "file.empty")));
        } else if (!run.header.found() && run.problems.isEmpty()) {
            run.problems.add(new ImportProblem(
                    0,
                    kind.columns().get(0).header(locale),
                    Messages.text(
                            locale, "header.notFound", kind.columns().get(0).header(locale))));
        }
        boolean commit = !dryRun && run.problems.isEmpty();
        if (commit) {
            audit.record(
                    em.find(Cooperative.class, cooperativeId),
                    "import",
                    kind.path(),
                    null,
                    run.rows + " rows: " + run.counts[0] + " created, " + run.counts[1] + " updated, " + run.counts[2]
                            + " unchanged");
        } else {
            transactions.setRollbackOnly();
        }
        return new ImportResult(
                kind.path(),
                dryRun,
                commit,
                run.rows,
                run.counts[0],
                run.counts[1],
                run.counts[2],
                List.copyOf(run.problems),
                List.copyOf(run.warnings));
    }

    /** The state of one run over a sheet. */
    private final class Run<C> {
        final Header header;
        final RowCommands<C> commands;
        final RowTarget<C> target;
        final Locale locale;
        final List<ImportProblem> problems = new ArrayList<>();
        final List<ImportProblem> warnings = new ArrayList<>();
        final Map<String, Integer> seen = new HashMap<>();
        final int[] counts = new int[3];
        final boolean dryRun;
        int rows;
        boolean broken;
        boolean headerBroken;

        Run(ImportKind kind, RowCommands<C> commands, RowTarget<C> target, Locale locale, boolean dryRun) {
            this.header = new Header(kind, locale);
            this.commands = commands;
            this.target = target;
            this.locale = locale;
            this.dryRun = dryRun;
        }

        void row(int number, List<String> cells) {
            if (header.row() < 0) {
                return; // no header row: nothing below it can be read
            }
            if (!header.found()) {
                header.offer(number, cells, problems, warnings);
                headerBroken = !problems.isEmpty();
                return;
            }
            if (header.offer(number, cells, problems, warnings) || Header.blank(cells)) {
                return; // the second header row (English), or an empty row anywhere, trailing ones included
            }
            if (++rows > maxRows) {
                throw FileProblem.tooManyRows(locale, maxRows);
            }
            if (headerBroken || broken) {
                return; // a required column is missing, or the database refused a write: rows are only counted
            }
            int before = problems.size();
            SheetRow row = header.row(number, cells, problems);
            if (problems.size() > before) {
                return;
            }
            apply(row);
            if (rows % CHUNK == 0 && problems.isEmpty()) {
                if (!dryRun) {
                    em.flush();
                }
                // a dry run drops its chunk unwritten: rows were checked as they were applied, and undoing 50,000
                // written rows took Derby as long as writing them
                em.clear();
            }
        }

        private void apply(SheetRow row) {
            try {
                C command = commands.command(row);
                Integer first = seen.putIfAbsent(target.key(command), row.number());
                if (first != null) {
                    problem(row, header.headerOf(target.keyColumn()), Messages.text(locale, "row.duplicate", first));
                    return;
                }
                counts[target.apply(command).ordinal()]++;
            } catch (CellProblem e) {
                problem(row, header.headerOf(e.columnKey()), Messages.text(locale, e.messageKey(), e.args()));
            } catch (ProblemException e) {
                reported(row, e);
            } catch (DomainException e) {
                reported(row, ProblemMappers.problem(e));
            } catch (PersistenceException e) {
                // the database refused a write: the transaction cannot go on, the rest of the file is not checked
                LOG.log(Level.WARNING, "Import stopped at row " + row.number(), e);
                broken = true;
                problem(row, "", e.getClass().getSimpleName());
            }
        }

        private void reported(SheetRow row, ProblemException e) {
            if (e.violations().isEmpty()) {
                problem(row, header.headerOf(target.keyColumn()), e.getMessage());
                return;
            }
            for (ProblemException.Violation v : e.violations()) {
                problem(row, header.headerOfField(v.field()), v.message());
            }
        }

        private void problem(SheetRow row, String column, String message) {
            problems.add(new ImportProblem(row.number(), column, message));
        }
    }
}
