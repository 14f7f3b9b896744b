package io.stowage.scanner.flow;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/** The worker logged in on this device: their badge, name, roles and the session's token. */
public record WorkerSession(String badge, String name, Set<String> roles, String token) {

    public WorkerSession {
        roles = roles.stream().map(role -> role.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
    }

    public boolean hasAny(List<String> wanted) {
        return wanted.stream().anyMatch(roles::contains);
    }
}
