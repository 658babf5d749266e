package io.innercircle.activity.internal;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/** The schema's {@code ActivityImportReport}. */
record ActivityImportReport(String account, LocalDate from, LocalDate to, List<FileSummary> files, int meetings,
                            int emails, int suggested, int stillRejected, List<Stale> staleContacts,
                            List<NotOnMap> notOnMap) {

    record FileSummary(String name, String kind, int activities) {}

    /** {@code stakeholder} is resolved from the key by the controller. */
    record Stale(String account, String key, OffsetDateTime lastActivity, Long daysSince) {}

    record NotOnMap(String address, int activities, OffsetDateTime lastAt, List<String> subjects) {}
}
