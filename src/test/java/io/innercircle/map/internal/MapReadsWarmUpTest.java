package io.innercircle.map.internal;

import io.innercircle.map.AccountModelReader;
import io.innercircle.support.IntegrationTest;
import io.innercircle.support.QueryCounter;
import io.innercircle.support.TestBundles;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The reads run at start (the shared test app runs none, innercircle.map.warm-up=false, so it is called here): the
 * whole-account read really runs, on the smallest account, and on none when the database has no opportunity.
 */
class MapReadsWarmUpTest extends IntegrationTest {

    @Autowired
    MapReadsWarmUp warmUp;

    @Test
    void runsTheWholeAccountReadOnTheSmallestAccount() {
        TestBundles.importBundle(http, "course-example.json");
        QueryCounter.get().reset();
        assertThat(warmUp.warmUp()).as("people of the course example's whole map").isEqualTo(11);
        assertThat(QueryCounter.get().queries()).contains(AccountModelReader.ACCOUNT.strip());
    }

    @Test
    void runsTheReadsOnAnEmptyDatabaseToo() {
        QueryCounter.get().reset();
        assertThat(warmUp.warmUp()).isZero();
        assertThat(QueryCounter.get().queries()).contains(AccountModelReader.ACCOUNT.strip());
    }
}
