package io.innercircle.crm.internal;

/** GraphQL {@code CrmOpportunityLink}: a CRM opportunity id and the id of the account's opportunity it is. */
record CrmOpportunityLink(String crmKey, String opportunity) {
}
