package io.innercircle.crm.internal;

import java.util.List;

/** A person's buying roles in an opportunity as the map has them; {@code crmRoles} are those the CRM set. */
record ExistingInvolvement(String opportunity, String person, List<String> roles, List<String> crmRoles,
                           String status) {
}
