package io.innercircle.crm.internal;

import io.innercircle.vocabulary.BuyingRole;

/** GraphQL {@code CrmRoleMapping}: what a CRM contact role means; a null role: none, skip it quietly. */
record CrmRoleMapping(String crmRole, BuyingRole role) {
}
