package io.innercircle.map;

import io.innercircle.support.SecondAppTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class PoliticalMapQueryTest extends SecondAppTest {

    @BeforeEach
    void draw() {
        AcmeMap.draw(graphQl);
    }

    @Test
    void politicalMapReturnsPeopleLinesCoverageRolesAndStatusInOneRequest() {
        var map = graphQl.documentName("politicalMap").variable("opportunity", "acme/erp").execute();
        map.path("politicalMap.account.name").entity(String.class).isEqualTo("Acme Corp");
        map.path("politicalMap.opportunity.competitor.name").entity(String.class).isEqualTo("X-Sys");
        map.path("politicalMap.opportunity.amount").entity(Double.class).isEqualTo(250000.0);
        map.path("politicalMap.people[*].stakeholder.key").entityList(String.class)
                .containsExactly("ceo", "cfo", "consultant", "cto", "eng");
        map.path("politicalMap.people[?(@.stakeholder.key == 'cto')].roles[*]").entityList(String.class)
                .containsExactly("DECISION_MAKER");
        map.path("politicalMap.people[?(@.stakeholder.key == 'cto')].status").entityList(String.class)
                .containsExactly("SUPPORTER");
        map.path("politicalMap.people[?(@.stakeholder.key == 'cto')].coverage").entityList(String.class)
                .containsExactly("IN_DEPTH");
        map.path("politicalMap.people[?(@.stakeholder.key == 'eng')].coverage").entityList(String.class)
                .containsExactly("NONE");
        map.path("politicalMap.people[?(@.stakeholder.key == 'eng')].status").entityList(Object.class)
                .satisfies(list -> assertThat(list).containsOnlyNulls());
        map.path("politicalMap.people[?(@.stakeholder.key == 'consultant')].stakeholder.external")
                .entityList(Boolean.class).containsExactly(true);
        map.path("politicalMap.reportingLines").entityList(Map.class).hasSize(3);
        map.path("politicalMap.reportingLines[?(@.person.id == 'acme/eng')].manager.id").entityList(String.class)
                .containsExactly("acme/cto");
        map.path("politicalMap.influenceLines[*]").entityList(Map.class).hasSize(3);
        map.path("politicalMap.influenceLines[?(@.from.id == 'acme/eng')].strength").entityList(Integer.class)
                .containsExactly(3);
        map.path("politicalMap.conflictLines[0].between[*].id").entityList(String.class)
                .containsExactly("acme/cfo", "acme/cto");
        map.path("politicalMap.contacts[0].relationship").entity(String.class).isEqualTo("TRUSTED_ADVISOR");
        map.path("politicalMap.contacts[0].lastContact").entity(String.class).isEqualTo("2026-10-01");
        map.path("politicalMap.teamMembers[*].name").entityList(String.class).containsExactly("Randy");
    }

    @Test
    void unknownOpportunityGivesNullMap() {
        graphQl.documentName("politicalMap").variable("opportunity", "acme/nope").execute()
                .path("politicalMap").valueIsNull();
    }

    @Test
    void stakeholderShowsDirectInfluencersInfluenceesManagerReportsAndInvolvements() {
        var cto = graphQl.documentName("stakeholder").variable("id", "acme/cto").execute();
        cto.path("stakeholder.account.key").entity(String.class).isEqualTo("acme");
        cto.path("stakeholder.reportsTo.name").entity(String.class).isEqualTo("Ada Chief");
        cto.path("stakeholder.directReports[*].id").entityList(String.class).containsExactly("acme/eng");
        cto.path("stakeholder.influencedBy[*].from.id").entityList(String.class).containsExactly("acme/eng");
        cto.path("stakeholder.influences[*].to.id").entityList(String.class).containsExactly("acme/cfo");
        cto.path("stakeholder.conflicts[0].between[*].id").entityList(String.class)
                .containsExactly("acme/cfo", "acme/cto");
        cto.path("stakeholder.contacts[0].teamMember.id").entity(String.class).isEqualTo("acme/randy");
        cto.path("stakeholder.involvements[0].opportunity.id").entity(String.class).isEqualTo("acme/erp");
        cto.path("stakeholder.involvements[0].roles").entityList(String.class).containsExactly("DECISION_MAKER");
    }

    @Test
    void teamMemberShowsTheirContacts() {
        var randy = graphQl.documentName("teamMember").variable("id", "acme/randy").execute();
        randy.path("teamMember.role").entity(String.class).isEqualTo("Account manager");
        randy.path("teamMember.contacts[*].stakeholder.id").entityList(String.class).containsExactly("acme/cto");
        randy.path("teamMember.contacts[0].relationship").entity(String.class).isEqualTo("TRUSTED_ADVISOR");
        graphQl.documentName("teamMember").variable("id", "acme/nobody").execute().path("teamMember").valueIsNull();
    }

    @Test
    void opportunityShowsItsDealData() {
        var deal = graphQl.document("{ opportunity(id: \"acme/erp\") { key name stage amount currency closeDate "
                + "competitor { key } account { key } involvements { stakeholder { key } roles status } } }").execute();
        deal.path("opportunity.closeDate").entity(String.class).isEqualTo("2027-06-30");
        deal.path("opportunity.competitor.key").entity(String.class).isEqualTo("x-sys");
        deal.path("opportunity.involvements[*].stakeholder.key").entityList(String.class).containsExactly("ceo", "cto");
    }

    @Test
    void accountListsPeopleTeamCompetitorsAndOpportunitiesWithCursorPages() {
        var first = graphQl.documentName("accountStakeholders").variable("key", "acme").variable("first", 2).execute();
        first.path("account.stakeholders.totalCount").entity(Integer.class).isEqualTo(5);
        first.path("account.stakeholders.edges[*].node.key").entityList(String.class).containsExactly("ceo", "cfo");
        first.path("account.stakeholders.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(true);
        first.path("account.teamMembers[0].contacts[0].stakeholder.key").entity(String.class).isEqualTo("cto");
        first.path("account.competitors[*].key").entityList(String.class).containsExactly("x-sys");
        first.path("account.opportunities[0].involvements[*].stakeholder.key").entityList(String.class)
                .containsExactly("ceo", "cto");
        String cursor = first.path("account.stakeholders.pageInfo.endCursor").entity(String.class).get();

        var second = graphQl.documentName("accountStakeholders").variable("key", "acme").variable("first", 10)
                .variable("after", cursor).execute();
        second.path("account.stakeholders.edges[*].node.key").entityList(String.class)
                .containsExactly("consultant", "cto", "eng");
        second.path("account.stakeholders.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(false);
        second.path("account.stakeholders.edges[?(@.node.key == 'eng')].node.reportsTo.key")
                .entityList(String.class).containsExactly("cto");
    }

    @Test
    void accountsPageForwardAndBackward() {
        for (String key : List.of("b-corp", "c-corp", "d-corp")) {
            AcmeMap.run(graphQl, "createAccount", Map.of("key", key, "name", key));
        }
        var page1 = graphQl.documentName("accounts").variable("first", 2).execute();
        page1.path("accounts.edges[*].node.key").entityList(String.class).containsExactly("acme", "b-corp");
        page1.path("accounts.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(true);
        page1.path("accounts.pageInfo.hasPreviousPage").entity(Boolean.class).isEqualTo(false);
        String end = page1.path("accounts.pageInfo.endCursor").entity(String.class).get();

        var page2 = graphQl.documentName("accounts").variable("first", 2).variable("after", end).execute();
        page2.path("accounts.edges[*].node.key").entityList(String.class).containsExactly("c-corp", "d-corp");
        page2.path("accounts.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(false);
        page2.path("accounts.pageInfo.hasPreviousPage").entity(Boolean.class).isEqualTo(true);
        String start = page2.path("accounts.pageInfo.startCursor").entity(String.class).get();

        var back = graphQl.documentName("accounts").variable("last", 1).variable("before", start).execute();
        back.path("accounts.edges[*].node.key").entityList(String.class).containsExactly("b-corp");
        back.path("accounts.pageInfo.hasPreviousPage").entity(Boolean.class).isEqualTo(true);
    }

    @Test
    void aForgedCursorIsRefusedWithTheArgumentName() {
        graphQl.documentName("accounts").variable("first", 2).variable("after", "not-a-cursor!").execute()
                .errors().satisfy(errors -> {
                    assertThat(errors).hasSize(1);
                    assertThat(errors.get(0).getExtensions()).containsEntry("field", "after")
                            .containsEntry("classification", "BAD_REQUEST");
                });
    }
}
