package io.stowage.api.access;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.stowage.api.support.ApiTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Spring Security observes each of its filters on every request (a timer and a long-task timer,
 * started and stopped around each filter), a measurable share of the service's CPU per order that
 * no meter reader uses (docs/performance.md, session 5); the request timer stays.
 */
class SecurityObservationsTest extends ApiTest {

    @Autowired
    ObservationRegistry observations;

    @Test
    void springSecurityIsNotObservedButRequestsAre() {
        for (String security : new String[] {"spring.security.filterchains", "spring.security.authorizations",
                "spring.security.authentications", "spring.security.http.secured.requests"}) {
            assertThat(Observation.createNotStarted(security, observations).isNoop()).as(security).isTrue();
        }
        assertThat(Observation.createNotStarted("http.server.requests", observations).isNoop()).isFalse();
    }
}
