package io.innercircle.api;

import io.innercircle.support.IntegrationTest;
import org.junit.jupiter.api.Test;

class PingTest extends IntegrationTest {

    @Test
    void answersOverHttp() {
        graphQl.document("{ ping }").execute().path("ping").entity(String.class).isEqualTo("pong");
    }
}
