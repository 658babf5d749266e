package io.innercircle.crm;

/** GraphQL {@code CrmOpportunityLink}: a CRM opportunity id and the id of the account's opportunity it is. */
record CrmOpportunityLink(String crmKey, String opportunity) {
}
