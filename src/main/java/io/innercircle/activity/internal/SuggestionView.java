package io.innercircle.activity.internal;

import java.time.OffsetDateTime;
import java.util.List;

/** A stored suggestion as GraphQL shows it ({@code ActivitySuggestion}); from and to are batch-loaded. */
record SuggestionView(String id, String account, String key, String fromKey, String toKey, int strength,
                      double frequency, int meetings, int emails, OffsetDateTime firstAt, OffsetDateTime lastAt,
                      String state, String decidedBy, OffsetDateTime decidedAt, List<EvidenceView> evidence,
                      List<String> evidenceRefs) {

    record EvidenceView(String kind, OffsetDateTime at, String subject, String role, Boolean supports) {}
}
