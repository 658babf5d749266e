package io.innercircle.plan.internal;

import io.innercircle.api.InvalidInputException;
import io.innercircle.map.ItemId;
import io.innercircle.plan.internal.PlanData.Tactic;

import java.time.LocalDate;
import java.util.List;
import java.util.function.Predicate;

/** GraphQL {@code TacticFilter}: which tactics of a plan to list; every field given must match. */
record TacticFilter(List<Prime> prime, String owner, Boolean done, Boolean overdue, LocalDate dueBefore,
                    LocalDate dueAfter) {

    /** The tactics matching the filter, overdue as of {@code today}; no filter matches all. */
    static Predicate<Tactic> matching(TacticFilter filter, LocalDate today) {
        if (filter == null) {
            return t -> true;
        }
        Predicate<Tactic> p = t -> true;
        if (filter.prime() != null) {
            List<Prime> primes = filter.prime();
            p = p.and(t -> t.prime() != null && primes.contains(t.prime()));
        }
        if (filter.owner() != null) {
            ItemId owner = ItemId.parse("filter.owner", filter.owner());
            p = p.and(t -> owner.key().equals(t.ownerKey()) && owner.account().equals(t.account()));
        }
        if (filter.done() != null) {
            boolean done = filter.done();
            p = p.and(t -> t.done() == done);
        }
        if (filter.overdue() != null) {
            boolean overdue = filter.overdue();
            p = p.and(t -> t.overdue(today) == overdue);
        }
        LocalDate before = filter.dueBefore();
        LocalDate after = filter.dueAfter();
        if (before != null && after != null && after.isAfter(before)) {
            throw new InvalidInputException("filter.dueAfter", "is after dueBefore");
        }
        if (before != null) {
            p = p.and(t -> t.due() != null && t.due().isBefore(before));
        }
        if (after != null) {
            p = p.and(t -> t.due() != null && t.due().isAfter(after));
        }
        return p;
    }
}
