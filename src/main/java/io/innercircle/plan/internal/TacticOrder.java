package io.innercircle.plan.internal;

import io.innercircle.plan.internal.PlanData.Tactic;

import java.util.Comparator;

/** GraphQL {@code TacticOrder}: how to sort a plan's tactics; ties keep the plan's order. */
enum TacticOrder {
    PLAN, DUE, PRIME, OWNER;

    Comparator<Tactic> comparator() {
        Comparator<Tactic> plan = Comparator.comparingInt(Tactic::position);
        return switch (this) {
            case PLAN -> plan;
            case DUE -> Comparator.comparing(Tactic::due, Comparator.nullsLast(Comparator.naturalOrder()))
                    .thenComparing(plan);
            case PRIME -> Comparator.comparing(Tactic::prime, Comparator.nullsLast(Comparator.naturalOrder()))
                    .thenComparing(plan);
            case OWNER -> Comparator.comparing(Tactic::ownerName, Comparator.nullsLast(Comparator.naturalOrder()))
                    .thenComparing(plan);
        };
    }
}
