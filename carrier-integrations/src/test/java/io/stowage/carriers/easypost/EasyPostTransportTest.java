package io.stowage.carriers.easypost;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class EasyPostTransportTest {

    private static final Instant NOW = Instant.parse("1994-11-06T08:49:30Z");

    @Test
    void readsRetryAfterInEveryFormHttpAllows() {
        assertThat(EasyPostTransport.retryAfter("3", NOW)).contains(Duration.ofSeconds(3));
        assertThat(EasyPostTransport.retryAfter("Sun, 06 Nov 1994 08:49:37 GMT", NOW)).contains(Duration.ofSeconds(7));
        assertThat(EasyPostTransport.retryAfter("Sunday, 06-Nov-94 08:49:37 GMT", NOW)).contains(Duration.ofSeconds(7));
        assertThat(EasyPostTransport.retryAfter("Sun Nov  6 08:49:37 1994", NOW)).contains(Duration.ofSeconds(7));
    }

    @Test
    void boundsTheWaitAndIgnoresWhatItCannotRead() {
        assertThat(EasyPostTransport.retryAfter("3600", NOW)).contains(Duration.ofSeconds(10));
        assertThat(EasyPostTransport.retryAfter("Sun, 06 Nov 1994 09:49:30 GMT", NOW)).contains(Duration.ofSeconds(10));
        assertThat(EasyPostTransport.retryAfter("Sun, 06 Nov 1994 08:00:00 GMT", NOW)).contains(Duration.ZERO);
        assertThat(EasyPostTransport.retryAfter("-5", NOW)).isEmpty();
        assertThat(EasyPostTransport.retryAfter("soon", NOW)).isEmpty();
    }
}
