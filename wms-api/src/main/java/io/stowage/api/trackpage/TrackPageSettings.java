package io.stowage.api.trackpage;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Limits of the public tracking pages ({@code stowage.trackpage.*}).
 *
 * @param requestsPerMinute   requests one client may send to {@code /track/**} per minute, on one instance
 * @param unlockAttempts      answers to the privacy question one client may send per {@code unlockWindow}, on one instance
 * @param orderUnlockFailures wrong answers an order takes per {@code unlockWindow}, from all clients and instances together
 * @param unlockWindow        the window of the two limits above
 * @param unlockedFor         how long a right answer keeps the order's private details open in that browser
 * @param trustedProxies      addresses (CIDR) whose {@code X-Forwarded-For} names the client: the load balancer's
 */
@ConfigurationProperties("stowage.trackpage")
record TrackPageSettings(Integer requestsPerMinute, Integer unlockAttempts, Integer orderUnlockFailures, Duration unlockWindow,
                         Duration unlockedFor, List<String> trustedProxies) {

    TrackPageSettings {
        requestsPerMinute = requestsPerMinute == null ? 60 : requestsPerMinute;
        unlockAttempts = unlockAttempts == null ? 10 : unlockAttempts;
        orderUnlockFailures = orderUnlockFailures == null ? 10 : orderUnlockFailures;
        unlockWindow = unlockWindow == null ? Duration.ofMinutes(15) : unlockWindow;
        unlockedFor = unlockedFor == null ? Duration.ofMinutes(30) : unlockedFor;
        trustedProxies = trustedProxies == null ? List.of("127.0.0.1/32", "::1/128") : List.copyOf(trustedProxies);
    }
}
