package io.innercircle.crm.internal;

import org.springframework.core.io.ByteArrayResource;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/** Sending CRM files over REST (raw body or upload) and GraphQL, and reading the answers as plain maps. */
final class CrmTestSupport {

    static final String IMPORT_CONTACTS = """
            mutation($account: ID!, $csv: String!, $options: CrmContactOptions, $dryRun: Boolean) {
              importCrmContacts(account: $account, csv: $csv, options: $options, dryRun: $dryRun) {
                account dryRun applied version accountCreated crmAccount delimiter rows created updated unchanged
                notInImport backInImport otherAccountRows reportingLinesSet reportingLinesRemoved
                changes { line action stakeholder crmKey name fields }
                problems { line column value code reason severity }
                steps { name rows millis }
              }
            }""";

    static final String IMPORT_ROLES = """
            mutation($account: ID!, $csv: String!, $options: CrmRoleOptions, $dryRun: Boolean) {
              importCrmContactRoles(account: $account, csv: $csv, options: $options, dryRun: $dryRun) {
                account dryRun applied version rows created updated unchanged removed opportunitiesLinked
                opportunitiesCreated
                changes { line action opportunity stakeholder roles crmRoles }
                problems { line column value code reason severity }
              }
            }""";

    private CrmTestSupport() {
    }

    static String text(String fixture) {
        return new String(CsvFileTest.fixture(fixture), StandardCharsets.UTF_8);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> graphQlImport(GraphQlTester graphQl, String document, String field, String account,
                                             String csv, Map<String, Object> options, boolean dryRun) {
        return graphQl.document(document).variable("account", account).variable("csv", csv)
                .variable("options", options).variable("dryRun", dryRun)
                .execute().path(field).entity(Map.class).get();
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> postCsv(WebTestClient http, String path, byte[] csv, int status) {
        return http.post().uri(path).contentType(MediaType.parseMediaType("text/csv")).bodyValue(csv)
                .exchange().expectStatus().isEqualTo(status)
                .expectBody(Map.class).returnResult().getResponseBody();
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> upload(WebTestClient http, String path, byte[] csv, int status) {
        MultipartBodyBuilder body = new MultipartBodyBuilder();
        body.part("file", new ByteArrayResource(csv) {
            @Override
            public String getFilename() {
                return "export.csv";
            }
        }).contentType(MediaType.parseMediaType("text/csv"));
        return http.post().uri(path).contentType(MediaType.MULTIPART_FORM_DATA)
                .body(BodyInserters.fromMultipartData(body.build()))
                .exchange().expectStatus().isEqualTo(status)
                .expectBody(Map.class).returnResult().getResponseBody();
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> list(Map<String, Object> report, String field) {
        return (List<Map<String, Object>>) report.get(field);
    }

    static int number(Map<String, Object> report, String field) {
        return ((Number) report.get(field)).intValue();
    }
}
