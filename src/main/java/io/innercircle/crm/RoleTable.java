package io.innercircle.crm;

import io.innercircle.api.InvalidInputException;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * CRM contact roles to TAS buying roles. The default follows Salesforce's OpportunityContactRole picklist:
 *
 * <pre>
 * Decision Maker          -> DECISION_MAKER (D)
 * Economic Buyer          -> APPROVER (A)   the one who signs off the money
 * Economic Decision Maker -> APPROVER (A)
 * Evaluator               -> EVALUATOR (E)
 * Technical Buyer         -> EVALUATOR (E)
 * Business User           -> USER (U)
 * Executive Sponsor       -> SPONSOR (S)
 * Influencer, Other       -> no buying role (reported as a warning)
 * </pre>
 *
 * A request can add or change entries; an entry mapped to no role ignores that CRM role without a warning.
 * Names match ignoring case and surrounding spaces. A CRM role the table does not know is reported, never
 * dropped silently.
 */
final class RoleTable {

    static final List<String> BUYING_ROLES = List.of("USER", "EVALUATOR", "DECISION_MAKER", "APPROVER", "SPONSOR");

    static final Map<String, String> DEFAULT;

    static {
        Map<String, String> d = new LinkedHashMap<>();
        d.put("Decision Maker", "DECISION_MAKER");
        d.put("Economic Buyer", "APPROVER");
        d.put("Economic Decision Maker", "APPROVER");
        d.put("Evaluator", "EVALUATOR");
        d.put("Technical Buyer", "EVALUATOR");
        d.put("Business User", "USER");
        d.put("Executive Sponsor", "SPONSOR");
        d.put("Influencer", null);
        d.put("Other", null);
        DEFAULT = Collections.unmodifiableMap(d);
    }

    private final Map<String, Optional<String>> table = new LinkedHashMap<>();
    private final java.util.Set<String> overridden = new java.util.HashSet<>();

    RoleTable(List<CrmRoleMapping> overrides) {
        DEFAULT.forEach((crm, role) -> table.put(normalize(crm), Optional.ofNullable(role)));
        if (overrides != null) {
            for (int i = 0; i < overrides.size(); i++) {
                String crm = overrides.get(i).crmRole();
                String role = overrides.get(i).role();
                if (crm == null || crm.isBlank()) {
                    throw new InvalidInputException("roleMap[" + i + "].crmRole", "must not be empty");
                }
                if (role != null && !BUYING_ROLES.contains(role)) {
                    throw new InvalidInputException("roleMap[" + i + "].role", "must be one of "
                            + String.join(", ", BUYING_ROLES) + " or null (got '" + role + "')");
                }
                table.put(normalize(crm), Optional.ofNullable(role));
                overridden.add(normalize(crm));
            }
        }
    }

    /**
     * What a CRM role means: a buying role; IGNORED, no buying role and the request said so (skip quietly); or
     * NO_MEANING, no buying role (report it).
     */
    record Meaning(Kind kind, String role) {
    }

    enum Kind { ROLE, IGNORED, NO_MEANING }

    Meaning meaning(String crmRole) {
        String key = normalize(crmRole);
        Optional<String> found = table.get(key);
        if (found == null) {
            return new Meaning(Kind.NO_MEANING, null);
        }
        if (found.isPresent()) {
            return new Meaning(Kind.ROLE, found.get());
        }
        return new Meaning(overridden.contains(key) ? Kind.IGNORED : Kind.NO_MEANING, null);
    }

    private static String normalize(String role) {
        return role.strip().toLowerCase(Locale.ROOT);
    }
}
