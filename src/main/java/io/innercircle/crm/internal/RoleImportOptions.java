package io.innercircle.crm.internal;

import io.innercircle.api.InvalidInputException;
import io.innercircle.map.ItemId;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How to read an opportunity contact roles file: the separator (null: detect), changes to the role table, CRM
 * opportunity ids linked to the account's opportunities ({crmKey, opportunity id}), and whether opportunities
 * the map does not have are created.
 */
record RoleImportOptions(Character delimiter, RoleTable roles, Map<String, String> links,
                         boolean createOpportunities) {

    /** The options as given, checked against the account; null: all defaults. */
    static RoleImportOptions of(String account, CrmRoleOptions given) {
        CrmRoleOptions o = given == null ? CrmRoleOptions.NONE : given;
        Map<String, String> links = new LinkedHashMap<>();
        List<CrmOpportunityLink> linked = o.opportunities() == null ? List.of() : o.opportunities();
        for (int i = 0; i < linked.size(); i++) {
            String field = "opportunities[" + i + "]";
            String crmKey = linked.get(i).crmKey();
            if (crmKey == null || crmKey.isBlank()) {
                throw new InvalidInputException(field + ".crmKey", "must not be empty");
            }
            ItemId id = ItemId.parse(field + ".opportunity", linked.get(i).opportunity());
            if (!id.account().equals(account)) {
                throw new InvalidInputException(field + ".opportunity", "'" + id
                        + "' belongs to another account than '" + account + "'");
            }
            links.put(crmKey.strip(), id.key());
        }
        return new RoleImportOptions(ContactImportOptions.delimiter(o.delimiter()), new RoleTable(o.roleMap()), links,
                Boolean.TRUE.equals(o.createOpportunities()));
    }
}
