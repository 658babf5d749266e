package io.innercircle.crm;

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

    static RoleImportOptions of(String account, String delimiter, List<Map<String, Object>> roleMap,
                                List<Map<String, Object>> opportunities, Boolean createOpportunities) {
        Map<String, String> links = new LinkedHashMap<>();
        List<Map<String, Object>> given = opportunities == null ? List.of() : opportunities;
        for (int i = 0; i < given.size(); i++) {
            String field = "opportunities[" + i + "]";
            Object crmKey = given.get(i).get("crmKey");
            if (crmKey == null || crmKey.toString().isBlank()) {
                throw new InvalidInputException(field + ".crmKey", "must not be empty");
            }
            ItemId id = ItemId.parse(field + ".opportunity", (String) given.get(i).get("opportunity"));
            if (!id.account().equals(account)) {
                throw new InvalidInputException(field + ".opportunity", "'" + id
                        + "' belongs to another account than '" + account + "'");
            }
            links.put(crmKey.toString().strip(), id.key());
        }
        return new RoleImportOptions(ContactImportOptions.delimiter(delimiter), new RoleTable(roleMap), links,
                Boolean.TRUE.equals(createOpportunities));
    }
}
