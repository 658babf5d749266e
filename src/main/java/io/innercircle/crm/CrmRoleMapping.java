package io.innercircle.crm;

/** GraphQL {@code CrmRoleMapping}: what a CRM contact role means; a null role: none, skip it quietly. */
record CrmRoleMapping(String crmRole, String role) {
}
