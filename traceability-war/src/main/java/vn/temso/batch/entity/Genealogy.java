package vn.temso.batch.entity;

import java.math.BigDecimal;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import vn.temso.platform.domain.InvalidField;
import vn.temso.platform.domain.RuleBroken;
import vn.temso.platform.text.Texts;

/**
 * Rules of a batch made from other batches, walked through the {@link BatchInput} lines in memory: the inputs are of
 * the output's cooperative, not recalled, not the output itself, and none was made (at any depth) from the output.
 */
public final class Genealogy {

    /** The field the inputs are reported on. */
    public static final String FIELD = "inputs";

    /** The column holding a batch's status reason has this many characters. */
    static final int MAX_REASON = 500;

    private Genealogy() {}

    /**
     * @throws InvalidField on {@code inputs} for the output itself, a batch of another cooperative, a batch listed
     *                      twice, a quantity without unit or not above 0, or a cycle
     * @throws RuleBroken   {@code input-recalled} when an input is recalled
     */
    public static void check(Batch output, List<InputUse> uses) {
        Set<String> seen = new HashSet<>();
        for (InputUse use : uses) {
            Batch in = use.batch();
            if (in.getId().equals(output.getId())) {
                throw new InvalidField(FIELD, "a batch cannot be made from itself");
            }
            if (!seen.add(in.getId())) {
                throw new InvalidField(FIELD, "lot " + in.getLotCode() + " is listed twice");
            }
            if (!in.getCooperative().getId().equals(output.getCooperative().getId())) {
                throw new InvalidField(FIELD, "lot " + in.getLotCode() + " belongs to another cooperative");
            }
            if (use.quantity() != null && use.quantity().compareTo(BigDecimal.ZERO) <= 0) {
                throw new InvalidField(FIELD, "the quantity used of lot " + in.getLotCode() + " must be more than 0");
            }
            if (use.quantity() != null && Texts.clean(use.unit()) == null) {
                throw new InvalidField(FIELD, "the quantity used of lot " + in.getLotCode() + " needs its unit");
            }
            if (in.getStatus() == BatchStatus.RECALLED) {
                throw new RuleBroken(
                        "input-recalled", "lot " + in.getLotCode() + " is recalled; nothing can be made from it");
            }
        }
        requireAcyclic(output, uses.stream().map(InputUse::batch).toList());
    }

    /**
     * @throws InvalidField on {@code inputs} when an input was made, at any depth, from the output: the output would
     *                      then be its own ancestor
     */
    public static void requireAcyclic(Batch output, List<Batch> inputs) {
        Deque<Batch> todo = new ArrayDeque<>(inputs);
        Set<String> visited = new HashSet<>();
        while (!todo.isEmpty()) {
            Batch b = todo.pop();
            if (b.getId().equals(output.getId())) {
                throw new InvalidField(
                        FIELD, "lot " + output.getLotCode() + " is already among the lots these inputs were made from");
            }
            if (visited.add(b.getId())) {
                b.getInputs().forEach(i -> todo.push(i.getInput()));
            }
        }
    }

    /** Every batch made from {@code batch}, at any depth (outputs of outputs), each once, nearest first. */
    public static List<Batch> derivedFrom(Batch batch) {
        Map<String, Batch> found = new LinkedHashMap<>();
        Deque<Batch> todo = new ArrayDeque<>(List.of(batch));
        while (!todo.isEmpty()) {
            for (BatchInput line : todo.removeFirst().getUsedIn()) {
                Batch out = line.getOutput();
                if (!out.getId().equals(batch.getId()) && found.putIfAbsent(out.getId(), out) == null) {
                    todo.addLast(out);
                }
            }
        }
        return new ArrayList<>(found.values());
    }

    /**
     * The reason a derived batch shows buyers: it names the recalled input lot first (Vietnamese, then English),
     * then that lot's own reason, cut to what the column holds.
     */
    public static String derivedRecallReason(Batch recalledInput) {
        String lot = recalledInput.getLotCode();
        String reason = "Lô nguyên liệu " + lot + " bị thu hồi (input lot " + lot + " recalled): "
                + recalledInput.getStatusReason();
        return cut(Texts.clean(reason), MAX_REASON);
    }

    /** At most {@code max} characters, never splitting a surrogate pair; an ellipsis marks a cut. */
    static String cut(String s, int max) {
        if (s.length() <= max) {
            return s;
        }
        int end = max - 1;
        if (Character.isHighSurrogate(s.charAt(end - 1))) {
            end--;
        }
        return s.substring(0, end) + "…";
    }
}
