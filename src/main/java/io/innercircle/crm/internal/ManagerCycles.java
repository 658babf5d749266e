package io.innercircle.crm.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The cycles in a "reports to" function (each person has at most one manager, so each cycle is found once). */
final class ManagerCycles {

    private ManagerCycles() {
    }

    /** Every cycle, as the people on it in reporting order (a reports to b reports to ... reports to a). */
    static List<List<String>> find(Map<String, String> managerOf) {
        Map<String, Integer> state = new HashMap<>(); // absent: not seen, 1: on the current walk, 2: done
        List<List<String>> cycles = new ArrayList<>();
        for (String start : managerOf.keySet()) {
            List<String> walk = new ArrayList<>();
            String at = start;
            while (at != null && !state.containsKey(at)) {
                state.put(at, 1);
                walk.add(at);
                at = managerOf.get(at);
            }
            if (at != null && state.get(at) == 1) {
                List<String> cycle = new ArrayList<>(walk.subList(walk.indexOf(at), walk.size()));
                // Start at the smallest key, so that the same cycle always reads the same.
                Collections.rotate(cycle, -cycle.indexOf(Collections.min(cycle)));
                cycles.add(List.copyOf(cycle));
            }
            walk.forEach(p -> state.put(p, 2));
        }
        return cycles;
    }
}
