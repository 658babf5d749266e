package io.innercircle.crm.internal;

import java.util.List;

/**
 * GraphQL {@code CrmRoleOptions} (and the REST query parameters): how to read an opportunity contact roles
 * file. See {@link RoleImportOptions} for what each means once checked.
 */
record CrmRoleOptions(String delimiter, List<CrmRoleMapping> roleMap, List<CrmOpportunityLink> opportunities,
                      Boolean createOpportunities) {

    static final CrmRoleOptions NONE = new CrmRoleOptions(null, null, null, false);
}
