package io.innercircle.activity.internal;

import io.innercircle.api.InvalidInputException;
import io.innercircle.api.NotFoundException;
import io.innercircle.map.Checks;
import io.innercircle.map.InfluenceLineEdit;
import io.innercircle.map.ItemId;
import io.innercircle.map.Lines.InfluenceLine;
import io.innercircle.security.AccountAccess;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;

/**
 * Accepting or rejecting a suggestion. Each runs inside the mutation's transaction, which already holds the
 * account's lock: accepting draws the line through the map's own influence edit (checks, version bump,
 * history) and marks the suggestion accepted in the same transaction, so both happen or neither.
 */
@Service
class SuggestionDecisions {

    record Accepted(SuggestionView suggestion, InfluenceLine line) {}

    private final ActivityStore store;
    private final InfluenceLineEdit lines;
    private final AccountAccess access;
    private final Clock clock;

    SuggestionDecisions(ActivityStore store, InfluenceLineEdit lines, AccountAccess access, Clock clock) {
        this.store = store;
        this.lines = lines;
        this.access = access;
        this.clock = clock;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    Accepted accept(String id, Integer strength) {
        SuggestionView s = open(id);
        int chosen = strength != null ? Checks.range("strength", strength, 1, 3) : s.strength();
        String note = "Suggested from activity: " + s.meetings() + " meeting(s), " + s.emails()
                + " e-mail(s), the last on " + s.lastAt().toLocalDate();
        InfluenceLine line = lines.drawInfluence(ItemId.of(s.account(), s.fromKey()),
                ItemId.of(s.account(), s.toKey()), chosen, note);
        store.decide(s.account(), s.key(), "ACCEPTED", access.who(), clock.instant());
        return new Accepted(store.find(s.account(), s.key()).orElseThrow(), line);
    }

    @Transactional(propagation = Propagation.MANDATORY)
    SuggestionView reject(String id) {
        SuggestionView s = open(id);
        store.decide(s.account(), s.key(), "REJECTED", access.who(), clock.instant());
        return store.find(s.account(), s.key()).orElseThrow();
    }

    private SuggestionView open(String id) {
        ItemId item = ItemId.parse("id", id);
        SuggestionView s = store.find(item.account(), item.key())
                .orElseThrow(() -> new NotFoundException("id", "activity suggestion", id));
        if (!s.state().equals("OPEN")) {
            throw new InvalidInputException("id", "the suggestion was already " + s.state().toLowerCase()
                    + " by " + s.decidedBy());
        }
        return s;
    }
}
