package io.innercircle.activity.internal;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The account's people as the activity names them: by e-mail address (case ignored) or by CRM id. Also knows
 * the customer's mail domains (those of the stakeholders' addresses), so that only customer addresses count as
 * "in the activity but not on the map" and our own team or other firms do not.
 */
final class ActivityPeople {

    /** A stakeholder of the account as the matching needs it. */
    record Person(String key, String name, String email, String crmKey, boolean covered) {}

    private final Map<String, Person> byAddress = new HashMap<>();
    private final Set<String> domains = new HashSet<>();
    private final List<Person> people;

    ActivityPeople(List<Person> people) {
        this.people = List.copyOf(people);
        for (Person p : people) {
            if (p.email() != null) {
                String email = p.email().trim().toLowerCase(Locale.ROOT);
                byAddress.putIfAbsent(email, p);
                domains.add(email.substring(email.indexOf('@') + 1));
            }
            if (p.crmKey() != null) {
                byAddress.putIfAbsent(p.crmKey(), p);
            }
        }
    }

    List<Person> all() {
        return people;
    }

    /** The stakeholder with this address or CRM id, or null. */
    Person find(String address) {
        return address == null ? null : byAddress.get(address);
    }

    /**
     * Whether an address nobody on the map has is someone of the customer's: an e-mail in one of the
     * stakeholders' domains (any e-mail when no stakeholder has one), or a CRM id (a Contact of the account).
     */
    boolean isCustomer(String address) {
        int at = address.indexOf('@');
        if (at < 0) {
            return true;
        }
        return domains.isEmpty() || domains.contains(address.substring(at + 1));
    }
}
