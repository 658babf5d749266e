package io.innercircle.map.internal;

import io.innercircle.map.internal.MapEditController.AccountPayload;
import io.innercircle.map.internal.MapEditController.OpportunityPayload;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.stereotype.Controller;

import java.util.List;

/** Archive, restore and purge (graphql-schema/archive.graphqls). */
@Controller
class ArchiveController {

    record PurgePayload(List<String> purged) {}

    private final ArchiveEdits edits;

    ArchiveController(ArchiveEdits edits) {
        this.edits = edits;
    }

    @MutationMapping
    AccountPayload archiveAccount(@Argument String key) {
        return new AccountPayload(edits.archiveAccount(key));
    }

    @MutationMapping
    AccountPayload restoreAccount(@Argument String key) {
        return new AccountPayload(edits.restoreAccount(key));
    }

    @MutationMapping
    OpportunityPayload archiveOpportunity(@Argument String id) {
        return new OpportunityPayload(edits.archiveOpportunity(id));
    }

    @MutationMapping
    OpportunityPayload restoreOpportunity(@Argument String id) {
        return new OpportunityPayload(edits.restoreOpportunity(id));
    }

    @MutationMapping
    PurgePayload purgeAccount(@Argument String key) {
        return new PurgePayload(edits.purgeAccount(key));
    }

    @MutationMapping
    PurgePayload purgeOpportunity(@Argument String id) {
        return new PurgePayload(edits.purgeOpportunity(id));
    }
}
