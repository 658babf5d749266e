package io.innercircle.crm.internal;

import io.innercircle.api.InvalidInputException;
import io.innercircle.crm.internal.ContactImportReport.Action;
import io.innercircle.crm.internal.ContactImportReport.PersonChange;
import io.innercircle.crm.internal.CsvFile.Row;
import io.innercircle.crm.internal.ImportProblem.Code;
import io.innercircle.map.Checks;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.IntConsumer;
import java.util.stream.Collectors;

/**
 * Works out what a contacts file does to an account's map (pure: no database), following the merge rules:
 * people are matched on their CRM id; the CRM owns name, title, department, email and the reporting line; the
 * rep owns everything else; people missing from the file are flagged, not deleted.
 *
 * <p>The file is a snapshot of the account in the CRM, so a manager must be a row of the same file. A CRM
 * reporting line is replaced when the CRM names another manager and removed when it names none; a line the
 * rep drew by hand is replaced only when the CRM names a manager.
 */
final class ContactPlanner {

    private final CsvFile file;
    private final CrmContactColumns.Resolved c;
    private final Map<String, ExistingPerson> byCrm = new HashMap<>();
    private final Map<String, ExistingPerson> byKey = new HashMap<>();
    private final List<ImportProblem> problems = new ArrayList<>();

    /** A row of the file as the import reads it. {@code manager} is null when the file has no manager column. */
    private record Incoming(int line, String crmKey, String name, String title, String department, String email,
                            String manager, String accountName) {
    }

    private ContactPlanner(CsvFile file, CrmContactColumns.Resolved columns, List<ExistingPerson> existing) {
        this.file = file;
        this.c = columns;
        for (ExistingPerson p : existing) {
            byKey.put(p.key(), p);
            if (p.crmKey() != null) {
                byCrm.put(p.crmKey(), p);
            }
        }
    }

    /**
     * @param crmAccount the CRM account whose rows to import when the file holds several (null: the one the
     *                   account was imported from before, or the only one in the file)
     * @param progress   told the number of rows checked so far, now and then
     */
    static ContactPlan plan(CsvFile file, CrmContactColumns columns, boolean explicit, String crmAccount,
                            List<ExistingPerson> existing, IntConsumer progress) {
        return new ContactPlanner(file, columns.resolve(file, explicit), existing).plan(crmAccount, progress);
    }

    private ContactPlan plan(String requestedAccount, IntConsumer progress) {
        String crmAccount = crmAccount(requestedAccount);
        Map<String, Incoming> incoming = new LinkedHashMap<>();
        int otherAccount = 0;
        int done = 0;
        for (Row row : file.rows()) {
            if (++done % 500 == 0) {
                progress.accept(done);
            }
            String rowAccount = CsvFile.value(row, c.accountId());
            if (crmAccount != null && !rowAccount.isEmpty() && !rowAccount.equals(crmAccount)) {
                otherAccount++;
                continue;
            }
            Incoming in = read(row);
            if (in == null) {
                continue;
            }
            Incoming first = incoming.get(in.crmKey());
            if (first != null) {
                problems.add(ImportProblem.error(Code.DUPLICATE_KEY,
                        in.line(), column(c.key()), in.crmKey(), "duplicate key '"
                        + in.crmKey() + "': line " + first.line() + " has the same id"));
                continue;
            }
            incoming.put(in.crmKey(), in);
        }
        progress.accept(done);
        if (incoming.isEmpty() && otherAccount > 0) {
            // Most likely the wrong file: importing it would flag everyone as gone from the CRM.
            throw new InvalidInputException("crmAccount", "no row of the file belongs to CRM account '"
                    + crmAccount + "'; all " + otherAccount + " rows are of other accounts");
        }

        Map<String, String> keys = assignKeys(incoming.values());
        Map<String, String> managers = resolveManagers(incoming, keys);
        checkCycles(incoming, keys, managers);
        return changes(crmAccount, incoming, keys, managers, otherAccount);
    }

    private String crmAccount(String requested) {
        if (requested != null && !requested.isBlank()) {
            return requested.strip();
        }
        if (!c.has(c.accountId())) {
            return null;
        }
        Set<String> found = new LinkedHashSet<>();
        file.rows().forEach(r -> {
            String id = CsvFile.value(r, c.accountId());
            if (!id.isEmpty()) {
                found.add(id);
            }
        });
        if (found.size() > 1) {
            throw new InvalidInputException("crmAccount", "the file holds contacts of " + found.size()
                    + " CRM accounts (" + found.stream().limit(5).collect(Collectors.joining(", "))
                    + (found.size() > 5 ? ", ..." : "") + "); say which one to import with crmAccount");
        }
        return found.isEmpty() ? null : found.iterator().next();
    }

    /** The row's values, or null (with a problem) when it has no CRM id. */
    private Incoming read(Row row) {
        int line = row.line();
        String crmKey = CsvFile.value(row, c.key());
        if (crmKey.isEmpty()) {
            problems.add(ImportProblem.error(Code.MISSING_KEY,
                    line, column(c.key()), "", "missing key: every row needs the CRM id"));
            return null;
        }
        if (row.values().size() > file.header().size()
                && row.values().subList(file.header().size(), row.values().size()).stream().anyMatch(v -> !v.isEmpty())) {
            problems.add(ImportProblem.error(Code.WRONG_VALUE_COUNT,
                    line, null, null, "the row has " + row.values().size()
                    + " values but the header names " + file.header().size()
                    + " columns (an unquoted separator inside a value?)"));
        }
        String name = c.has(c.name()) ? CsvFile.value(row, c.name())
                : (CsvFile.value(row, c.firstName()) + " " + CsvFile.value(row, c.lastName())).strip();
        int nameColumn = c.has(c.name()) ? c.name() : c.has(c.lastName()) ? c.lastName() : c.firstName();
        if (name.isEmpty()) {
            problems.add(ImportProblem.error(Code.MISSING_NAME, line, column(nameColumn), "", "missing name"));
        }
        check(line, nameColumn, name, Checks.NAME_MAX);
        String title = optional(row, c.title());
        check(line, c.title(), title, Checks.TEXT_MAX);
        String department = optional(row, c.department());
        check(line, c.department(), department, Checks.TEXT_MAX);
        String email = optional(row, c.email());
        if (email != null && (email.length() > 254 || !email.matches("[^@\\s]+@[^@\\s]+"))) {
            problems.add(ImportProblem.error(Code.NOT_AN_EMAIL,
                    line, column(c.email()), email, "not an email address"));
        }
        String manager = c.has(c.manager()) ? CsvFile.value(row, c.manager()) : null;
        return new Incoming(line, crmKey, name, title, department, email, manager,
                optional(row, c.accountName()));
    }

    private void check(int line, int column, String value, int max) {
        if (value != null && value.length() > max) {
            problems.add(ImportProblem.error(Code.TOO_LONG, line, column(column), value.substring(0, 40) + "...",
                    "is " + value.length() + " characters long; at most " + max + " are allowed"));
        }
    }

    private static String optional(Row row, int column) {
        String v = CsvFile.value(row, column);
        return v.isEmpty() ? null : v;
    }

    /** CRM id -> stakeholder key: the matched person's, else derived from the CRM id (see {@link CrmKeys}). */
    private Map<String, String> assignKeys(Iterable<Incoming> incoming) {
        Map<String, String> keys = new HashMap<>();
        Set<String> taken = new HashSet<>();
        for (Incoming in : incoming) {
            ExistingPerson known = byCrm.get(in.crmKey());
            if (known != null) {
                keys.put(in.crmKey(), known.key());
                taken.add(known.key());
            }
        }
        for (Incoming in : incoming) {
            if (keys.containsKey(in.crmKey())) {
                continue;
            }
            String key = CrmKeys.keyFor(in.crmKey());
            if (!free(key, taken)) {
                key = CrmKeys.hashed(in.crmKey());
            }
            if (!free(key, taken)) {
                problems.add(ImportProblem.error(Code.KEY_TAKEN, in.line(), column(c.key()), in.crmKey(),
                        "no free key for this CRM id ('" + key + "' belongs to someone else)"));
                continue;
            }
            keys.put(in.crmKey(), key);
            taken.add(key);
        }
        return keys;
    }

    /** Free: nobody has it, or only a person drawn by hand, who then gets linked to the CRM id. */
    private boolean free(String key, Set<String> taken) {
        ExistingPerson holder = byKey.get(key);
        return !taken.contains(key) && (holder == null || holder.crmKey() == null);
    }

    /** CRM id -> manager's key ("" when the CRM names no manager); only for rows with a manager column. */
    private Map<String, String> resolveManagers(Map<String, Incoming> incoming, Map<String, String> keys) {
        Map<String, String> managers = new HashMap<>();
        for (Incoming in : incoming.values()) {
            if (in.manager() == null) {
                continue;
            }
            if (in.manager().isEmpty()) {
                managers.put(in.crmKey(), "");
            } else if (in.manager().equals(in.crmKey())) {
                problems.add(ImportProblem.error(Code.MANAGER_CYCLE, in.line(), column(c.manager()), in.manager(),
                        "a manager cycle: the person reports to themselves"));
            } else if (!incoming.containsKey(in.manager())) {
                problems.add(ImportProblem.error(Code.UNKNOWN_MANAGER,
                        in.line(), column(c.manager()), in.manager(), "unknown manager '"
                        + in.manager() + "': no row of this file (of this CRM account) has that id"));
            } else if (keys.containsKey(in.manager())) {
                managers.put(in.crmKey(), keys.get(in.manager()));
            }
        }
        return managers;
    }

    /**
     * Cycles in the reporting lines as they would be after the import: the file's lines and the lines kept
     * in the map (hand-drawn lines of people whose CRM record names no manager, and people not in the file).
     */
    private void checkCycles(Map<String, Incoming> incoming, Map<String, String> keys, Map<String, String> managers) {
        Map<String, String> after = new HashMap<>();
        byKey.values().forEach(p -> {
            if (p.managerKey() != null) {
                after.put(p.key(), p.managerKey());
            }
        });
        Map<String, Incoming> byNewKey = new HashMap<>();
        for (Incoming in : incoming.values()) {
            String key = keys.get(in.crmKey());
            if (key == null) {
                continue;
            }
            byNewKey.put(key, in);
            String manager = managers.get(in.crmKey());
            ExistingPerson known = byKey.get(key);
            if (manager != null && !manager.isEmpty()) {
                after.put(key, manager);
            } else if (manager != null && known != null && known.managerFromCrm()) {
                after.remove(key);
            }
        }
        for (List<String> cycle : ManagerCycles.find(after)) {
            String shown = cycle.stream().map(k -> byNewKey.containsKey(k) ? byNewKey.get(k).crmKey() : k)
                    .collect(Collectors.joining(" → ")) + " → " + (byNewKey.containsKey(cycle.get(0))
                    ? byNewKey.get(cycle.get(0)).crmKey() : cycle.get(0));
            boolean drawn = cycle.stream().anyMatch(k -> !byNewKey.containsKey(k));
            for (String key : cycle) {
                Incoming in = byNewKey.get(key);
                if (in != null && managers.containsKey(in.crmKey())) {
                    problems.add(ImportProblem.error(Code.MANAGER_CYCLE, in.line(), column(c.manager()), in.manager(),
                            "a manager cycle: " + shown + (drawn ? " (with lines drawn in the map)" : "")));
                }
            }
        }
    }

    private ContactPlan changes(String crmAccount, Map<String, Incoming> incoming, Map<String, String> keys,
                                Map<String, String> managers, int otherAccount) {
        List<Map<String, Object>> creates = new ArrayList<>();
        List<Map<String, Object>> updates = new ArrayList<>();
        List<Map<String, Object>> managerLines = new ArrayList<>();
        List<String> managerClears = new ArrayList<>();
        List<String> seen = new ArrayList<>();
        List<PersonChange> changes = new ArrayList<>();
        int updated = 0;
        int unchanged = 0;
        int back = 0;
        String accountName = null;
        for (Incoming in : incoming.values()) {
            String key = keys.get(in.crmKey());
            if (key == null) {
                continue;
            }
            if (accountName == null) {
                accountName = in.accountName();
            }
            seen.add(key);
            ExistingPerson known = byKey.get(key);
            Map<String, Object> props = new LinkedHashMap<>();
            List<String> fields = new ArrayList<>();
            if (known == null || known.crmKey() == null) {
                props.put("crmKey", in.crmKey());
            }
            field(props, fields, known, "name", in.name(), true, known == null ? null : known.name());
            field(props, fields, known, "title", in.title(), c.has(c.title()), known == null ? null : known.title());
            field(props, fields, known, "department", in.department(), c.has(c.department()),
                    known == null ? null : known.department());
            field(props, fields, known, "email", in.email(), c.has(c.email()), known == null ? null : known.email());
            String manager = managers.get(in.crmKey());
            String current = known == null ? null : known.managerKey();
            if (manager != null && !manager.isEmpty() && !manager.equals(current)) {
                managerLines.add(Map.of("key", key, "manager", manager));
                fields.add("reportsTo");
            } else if ("".equals(manager) && current != null && known.managerFromCrm()) {
                managerClears.add(key);
                fields.add("reportsTo");
            }
            if (known == null) {
                props.put("key", key);
                props.put("external", false);
                props.put("placeholder", false);
                creates.add(props);
                changes.add(new PersonChange(in.line(), Action.CREATE, key, in.crmKey(), in.name(), fields));
                continue;
            }
            if (known.crmKey() == null) {
                fields.add(0, "crmKey");
            }
            if (!props.isEmpty()) {
                updates.add(Map.of("key", key, "props", props));
            }
            if (known.notInLastImport()) {
                back++;
                changes.add(new PersonChange(in.line(), Action.BACK_IN_IMPORT, key, in.crmKey(), in.name(), fields));
            } else if (!fields.isEmpty()) {
                changes.add(new PersonChange(in.line(), Action.UPDATE, key, in.crmKey(), in.name(), fields));
            }
            if (fields.isEmpty()) {
                unchanged++;
            } else {
                updated++;
            }
        }
        List<String> missing = new ArrayList<>();
        byCrm.values().stream()
                .filter(p -> !incoming.containsKey(p.crmKey()))
                .sorted(java.util.Comparator.comparing(ExistingPerson::key))
                .forEach(p -> {
                    missing.add(p.key());
                    changes.add(new PersonChange(null, Action.NOT_IN_IMPORT, p.key(), p.crmKey(), p.name(),
                            List.of()));
                });
        problems.sort(java.util.Comparator.comparingInt(ImportProblem::line));
        return new ContactPlan(crmAccount, accountName, file.delimiter(), file.rows().size(), otherAccount,
                creates, updates, managerLines, managerClears, seen, missing, updated, unchanged, back, changes,
                List.copyOf(problems));
    }

    /** Records a CRM-owned field that is new or differs; a column the file does not have is left alone. */
    private static void field(Map<String, Object> props, List<String> fields, ExistingPerson known, String name,
                              String value, boolean inFile, String current) {
        if (!inFile) {
            return;
        }
        if (known == null) {
            if (value != null) {
                props.put(name, value);
                fields.add(name);
            }
        } else if (!Objects.equals(value, current)) {
            props.put(name, value);
            fields.add(name);
        }
    }

    private String column(int column) {
        return column < 0 ? null : file.columnName(column);
    }
}
