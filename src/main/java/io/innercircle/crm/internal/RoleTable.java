package io.innercircle.crm.internal;

import io.innercircle.api.InvalidInputException;
import io.innercircle.vocabulary.BuyingRole;

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

    static final Map<String, BuyingRole> DEFAULT;

    static {
        Map<String, BuyingRole> d = new LinkedHashMap<>();
        d.put("Decision Maker", BuyingRole.DECISION_MAKER);
        d.put("Economic Buyer", BuyingRole.APPROVER);
        d.put("Economic Decision Maker", BuyingRole.APPROVER);
        d.put("Evaluator", BuyingRole.EVALUATOR);
        d.put("Technical Buyer", BuyingRole.EVALUATOR);
        d.put("Business User", BuyingRole.USER);
        d.put("Executive Sponsor", BuyingRole.SPONSOR);
        d.put("Influencer", null);
        d.put("Other", null);
        DEFAULT = Collections.unmodifiableMap(d);
    }

    private final Map<String, Optional<BuyingRole>> table = new LinkedHashMap<>();
    private final java.util.Set<String> overridden = new java.util.HashSet<>();

    RoleTable(List<CrmRoleMapping> overrides) {
        DEFAULT.forEach((crm, role) -> table.put(normalize(crm), Optional.ofNullable(role)));
        if (overrides != null) {
            for (int i = 0; i < overrides.size(); i++) {
                String crm = overrides.get(i).crmRole();
                BuyingRole role = overrides.get(i).role();
                if (crm == null || crm.isBlank()) {
                    throw new InvalidInputException("roleMap[" + i + "].crmRole", "must not be empty");
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
    record Meaning(Kind kind, BuyingRole role) {
    }

    enum Kind { ROLE, IGNORED, NO_MEANING }

    Meaning meaning(String crmRole) {
        String key = normalize(crmRole);
        Optional<BuyingRole> found = table.get(key);
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
