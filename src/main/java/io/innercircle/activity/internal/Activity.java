package io.innercircle.activity.internal;

import java.time.Instant;
import java.util.List;

/**
 * One meeting (an occurrence of a calendar event, a Salesforce Event) or one e-mail, as read from a file.
 * People are named by address: an e-mail address (lower case) or a CRM id (a Salesforce Contact Id, matched to
 * a stakeholder's {@code crmKey}).
 *
 * @param ref     the item's id in its source, unique across the upload (occurrences of a recurring meeting get
 *                the occurrence's start appended), so evidence can be remembered and compared between imports
 * @param from    the organiser of a meeting or the sender of an e-mail; null when the source does not say
 * @param to      attendees or recipients (the organiser or sender left out)
 * @param replyTo for an e-mail, the {@code ref} of the e-mail it answers; null otherwise
 */
record Activity(Kind kind, String ref, String subject, Instant at, String from, List<String> to, String replyTo) {

    enum Kind { MEETING, EMAIL }

    /** Everyone in it, the organiser or sender first. */
    List<String> people() {
        if (from == null) {
            return to;
        }
        java.util.List<String> all = new java.util.ArrayList<>(to.size() + 1);
        all.add(from);
        to.stream().filter(a -> !a.equals(from)).forEach(all::add);
        return all;
    }
}
