package io.innercircle.analysis.deal;
import io.innercircle.vocabulary.Coverage;
import io.innercircle.vocabulary.Status;



/**
 * Someone on our side in one deal: a mentor or supporter, or a person our team knows well (multiple or in-depth
 * contact) who does not oppose us.
 *
 * @param status     our status with them in the deal, or null when not recorded
 * @param coverage   our best coverage of them, or null when there is no contact record
 * @param teamMember name of the team member with that coverage, or null
 * @param why        plain English: "supporter in this deal; Randy has in-depth contact"
 */
public record Ally(String key, String name, Status status, Coverage coverage, String teamMember, String why) {
}
