package io.innercircle.crm.internal;

import io.innercircle.api.InvalidInputException;
import io.innercircle.crm.internal.CsvFile.Row;
import io.innercircle.crm.internal.ImportProblem.Code;
import io.innercircle.crm.internal.RoleImportReport.Action;
import io.innercircle.crm.internal.RoleImportReport.InvolvementChange;
import io.innercircle.vocabulary.BuyingRole;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntConsumer;

/**
 * Works out what an OpportunityContactRole export does to the buying roles (pure: no database).
 *
 * <p>Opportunities are found by the CRM id kept on them ({@code crmKey}); an opportunity the request links
 * ({@code opportunities: [{crmKey, opportunity}]}) or whose key is the CRM id gets it kept for next time; with
 * {@code createOpportunities} the others are created, else their rows are errors. Contacts are found by the CRM
 * id the contacts import kept on each person.
 *
 * <p>Roles the CRM set are remembered ({@code crmRoles}) apart from roles set by hand: a re-import replaces the
 * CRM's roles and keeps the hand-set ones; a role the rep had set by hand before the CRM also named it stays
 * the rep's. Each opportunity in the file is a snapshot: a person it no longer lists loses the CRM's roles
 * (and the involvement goes when nothing else is left on it). Status is never touched.
 */
final class RolePlanner {

    private final CsvFile file;
    private final RoleTable table;
    private final List<ImportProblem> problems = new ArrayList<>();
    private final int opportunityColumn;
    private final int contactColumn;
    private final int roleColumn;
    private final int idColumn;
    private final int nameColumn;

    private RolePlanner(CsvFile file, RoleTable table) {
        this.file = file;
        this.table = table;
        this.opportunityColumn = required(file, "OpportunityId", "Opportunity ID", "Opportunity.Id");
        this.contactColumn = required(file, "ContactId", "Contact ID", "Contact.Id");
        this.roleColumn = required(file, "Role", "Contact Role");
        this.idColumn = file.column("Id");
        this.nameColumn = Math.max(file.column("Opportunity Name"), file.column("Opportunity.Name"));
    }

    private static int required(CsvFile file, String... names) {
        for (String n : names) {
            if (file.column(n) >= 0) {
                return file.column(n);
            }
        }
        throw new InvalidInputException("columns", "the file has no column '" + names[0] + "' (its columns: "
                + String.join(", ", file.header()) + ")");
    }

    static RolePlan plan(CsvFile file, RoleTable table, Map<String, String> links, boolean createOpportunities,
                         List<ExistingOpportunity> opportunities, Map<String, String> personByCrm,
                         List<ExistingInvolvement> involvements, IntConsumer progress) {
        return new RolePlanner(file, table).plan(links, createOpportunities, opportunities, personByCrm,
                involvements, progress);
    }

    private RolePlan plan(Map<String, String> links, boolean create, List<ExistingOpportunity> opportunities,
                          Map<String, String> personByCrm, List<ExistingInvolvement> involvements,
                          IntConsumer progress) {
        Map<String, String> opportunityByCrm = new HashMap<>();
        Set<String> opportunityKeys = new HashSet<>();
        Map<String, ExistingOpportunity> unlinked = new HashMap<>();
        for (ExistingOpportunity o : opportunities) {
            opportunityKeys.add(o.key());
            if (o.crmKey() != null) {
                opportunityByCrm.put(o.crmKey(), o.key());
            } else {
                unlinked.put(o.key(), o);
            }
        }
        List<Map<String, Object>> newLinks = new ArrayList<>();
        List<Map<String, Object>> newOpportunities = new ArrayList<>();
        Set<String> unknownReported = new HashSet<>();
        Map<String, Integer> firstId = new HashMap<>();
        // (opportunity key, person key) -> the CRM's roles, in file order, and the first line naming the pair
        Map<List<String>, Set<String>> wanted = new LinkedHashMap<>();
        Map<List<String>, Integer> lineOf = new HashMap<>();
        int done = 0;
        for (Row row : file.rows()) {
            if (++done % 500 == 0) {
                progress.accept(done);
            }
            int line = row.line();
            String id = CsvFile.value(row, idColumn);
            if (!id.isEmpty() && firstId.putIfAbsent(id, line) != null) {
                problems.add(ImportProblem.error(Code.DUPLICATE_KEY, line, file.columnName(idColumn), id,
                        "duplicate key '" + id + "': line " + firstId.get(id) + " has the same id"));
                continue;
            }
            String crmOpportunity = CsvFile.value(row, opportunityColumn);
            String crmContact = CsvFile.value(row, contactColumn);
            if (crmOpportunity.isEmpty() || crmContact.isEmpty()) {
                problems.add(ImportProblem.error(Code.MISSING_KEY,
                        line, file.columnName(crmOpportunity.isEmpty() ? opportunityColumn
                        : contactColumn), "", "missing key"));
                continue;
            }
            String opportunity = opportunityByCrm.get(crmOpportunity);
            if (opportunity == null) {
                opportunity = link(crmOpportunity, links, create, opportunityKeys, unlinked, row, newLinks,
                        newOpportunities, unknownReported);
                if (opportunity != null) {
                    opportunityByCrm.put(crmOpportunity, opportunity);
                }
            }
            String person = personByCrm.get(crmContact);
            if (person == null) {
                problems.add(ImportProblem.error(Code.UNKNOWN_CONTACT,
                        line, file.columnName(contactColumn), crmContact, "unknown contact '"
                        + crmContact + "': no person of this account has that CRM id (import the contacts first)"));
            }
            if (opportunity == null || person == null) {
                continue;
            }
            List<String> pair = List.of(opportunity, person);
            lineOf.putIfAbsent(pair, line);
            Set<String> roles = wanted.computeIfAbsent(pair, p -> new LinkedHashSet<>());
            String crmRole = CsvFile.value(row, roleColumn);
            if (crmRole.isEmpty()) {
                problems.add(ImportProblem.warning(Code.NO_ROLE, line, file.columnName(roleColumn), "",
                        "no role given: the row names no buying role"));
                continue;
            }
            RoleTable.Meaning meaning = table.meaning(crmRole);
            if (meaning.kind() == RoleTable.Kind.ROLE) {
                roles.add(meaning.role().name());
            } else if (meaning.kind() == RoleTable.Kind.NO_MEANING) {
                problems.add(ImportProblem.warning(Code.UNMAPPED_ROLE,
                        line, file.columnName(roleColumn), crmRole, "the CRM role '"
                        + crmRole + "' has no TAS buying role and was not imported (map it with roleMap to "
                        + "import it)"));
            }
        }
        progress.accept(done);
        return involvements(wanted, lineOf, involvements, newLinks, newOpportunities);
    }

    /** Finds or creates the opportunity for a CRM id not seen yet; null (with one error per id) when neither. */
    private String link(String crmOpportunity, Map<String, String> links, boolean create, Set<String> keys,
                        Map<String, ExistingOpportunity> unlinked, Row row, List<Map<String, Object>> newLinks,
                        List<Map<String, Object>> newOpportunities, Set<String> unknownReported) {
        String key = links.get(crmOpportunity);
        if (key == null && unlinked.containsKey(CrmKeys.keyFor(crmOpportunity))) {
            key = CrmKeys.keyFor(crmOpportunity);
        }
        if (key != null) {
            newLinks.add(Map.of("key", key, "crmKey", crmOpportunity));
            unlinked.remove(key);
            return key;
        }
        if (create) {
            String fresh = CrmKeys.keyFor(crmOpportunity);
            if (keys.contains(fresh)) {
                fresh = CrmKeys.hashed(crmOpportunity);
            }
            String name = CsvFile.value(row, nameColumn);
            newOpportunities.add(Map.of("key", fresh, "crmKey", crmOpportunity,
                    "name", name.isEmpty() ? "CRM opportunity " + crmOpportunity : name));
            keys.add(fresh);
            return fresh;
        }
        if (unknownReported.add(crmOpportunity)) {
            problems.add(ImportProblem.error(Code.UNKNOWN_OPPORTUNITY,
                    row.line(), file.columnName(opportunityColumn), crmOpportunity,
                    "unknown opportunity '" + crmOpportunity + "': link it to one of the account's opportunities "
                            + "(opportunities: crmKey -> opportunity id) or let the import create it "
                            + "(createOpportunities)"));
        }
        return null;
    }

    private RolePlan involvements(Map<List<String>, Set<String>> wanted, Map<List<String>, Integer> lineOf,
                                  List<ExistingInvolvement> existing, List<Map<String, Object>> links,
                                  List<Map<String, Object>> newOpportunities) {
        Map<List<String>, ExistingInvolvement> current = new HashMap<>();
        existing.forEach(i -> current.put(List.of(i.opportunity(), i.person()), i));
        Set<String> inFile = new HashSet<>();
        wanted.keySet().forEach(p -> inFile.add(p.get(0)));
        List<Map<String, Object>> writes = new ArrayList<>();
        List<Map<String, Object>> removals = new ArrayList<>();
        List<InvolvementChange> changes = new ArrayList<>();
        int created = 0;
        int updated = 0;
        int unchanged = 0;
        for (Map.Entry<List<String>, Set<String>> e : wanted.entrySet()) {
            ExistingInvolvement before = current.get(e.getKey());
            Set<String> hand = handSet(before);
            Set<String> crm = new LinkedHashSet<>(e.getValue());
            crm.removeAll(hand);
            List<String> roles = ordered(union(hand, e.getValue()));
            List<String> crmRoles = ordered(crm);
            if (before == null && roles.isEmpty()) {
                continue; // only roles without a TAS meaning: nothing to record
            }
            Action action;
            if (before == null) {
                action = Action.CREATE;
                created++;
            } else if (Set.copyOf(before.roles()).equals(Set.copyOf(roles))
                    && Set.copyOf(before.crmRoles()).equals(Set.copyOf(crmRoles))) {
                unchanged++;
                continue;
            } else {
                action = Action.UPDATE;
                updated++;
            }
            writes.add(Map.of("opportunity", e.getKey().get(0), "person", e.getKey().get(1), "roles", roles,
                    "crmRoles", crmRoles));
            changes.add(new InvolvementChange(lineOf.get(e.getKey()), action, e.getKey().get(0),
                    e.getKey().get(1), roles, crmRoles));
        }
        // Snapshot per opportunity: people the file no longer lists lose the roles the CRM gave them.
        for (ExistingInvolvement i : existing) {
            List<String> pair = List.of(i.opportunity(), i.person());
            if (!inFile.contains(i.opportunity()) || wanted.containsKey(pair) || i.crmRoles().isEmpty()) {
                continue;
            }
            List<String> roles = ordered(handSet(i));
            if (roles.isEmpty() && i.status() == null) {
                removals.add(Map.of("opportunity", i.opportunity(), "person", i.person()));
                changes.add(new InvolvementChange(null, Action.REMOVE, i.opportunity(), i.person(), List.of(),
                        List.of()));
            } else {
                updated++;
                writes.add(Map.of("opportunity", i.opportunity(), "person", i.person(), "roles", roles,
                        "crmRoles", List.of()));
                changes.add(new InvolvementChange(null, Action.UPDATE, i.opportunity(), i.person(), roles,
                        List.of()));
            }
        }
        problems.sort(java.util.Comparator.comparingInt(ImportProblem::line));
        return new RolePlan(file.delimiter(), file.rows().size(), newOpportunities, links, writes, removals,
                created, updated, unchanged, changes, List.copyOf(problems));
    }

    /** The roles set by hand: those the map has that the CRM did not set. */
    private static Set<String> handSet(ExistingInvolvement i) {
        Set<String> hand = new LinkedHashSet<>(i == null ? List.of() : i.roles());
        if (i != null) {
            i.crmRoles().forEach(hand::remove);
        }
        return hand;
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> u = new LinkedHashSet<>(a);
        u.addAll(b);
        return u;
    }

    /** In the TAS order U, E, D, A, S, so that equal sets are written alike. */
    private static List<String> ordered(Set<String> roles) {
        return Arrays.stream(BuyingRole.values()).map(BuyingRole::name).filter(roles::contains).toList();
    }
}
