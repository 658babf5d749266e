package io.innercircle.security.internal;

import io.innercircle.security.AccountAccess;

import io.innercircle.map.MapChanged;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The last line of defence: every change to a map publishes {@link MapChanged} inside its transaction, and a
 * change by a user who may not edit that account is refused here, which rolls the whole write back. The
 * GraphQL and REST checks refuse such requests earlier, with better errors; this catches a write path that
 * forgot them (a new import, a new mutation marked @checkedInCode that does not check).
 */
@Component
class MapWriteGuard {

    private final AccountAccess access;

    MapWriteGuard(AccountAccess access) {
        this.access = access;
    }

    @EventListener
    @Order(0)
    void check(MapChanged change) {
        if (access.isUserRequest()) {
            // A plan review comment is the one write a reader (a coach) may make: it touches nothing else.
            boolean reviewOnly = change.touched() != null && !change.touched().isEmpty()
                    && change.touched().stream().allMatch(node -> node.startsWith("ReviewComment:"));
            access.require(reviewOnly ? AccountAccess.Level.REVIEW : AccountAccess.Level.EDIT, "account",
                    change.account(), "account", change.account());
        }
    }
}
