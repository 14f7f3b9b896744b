package io.stowage.api.access;

import java.util.List;
import java.util.stream.Stream;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/** A resolved bearer secret: the principal is the {@link Caller}. */
final class CallerAuthentication extends AbstractAuthenticationToken {

    private final Caller caller;

    CallerAuthentication(Caller caller) {
        super(authorities(caller));
        this.caller = caller;
        setAuthenticated(true);
    }

    private static List<SimpleGrantedAuthority> authorities(Caller caller) {
        if (caller instanceof Caller.Worker worker) {
            return Stream.concat(Stream.of(new SimpleGrantedAuthority("ROLE_WORKER")),
                    worker.roles().stream().map(role -> new SimpleGrantedAuthority(role.authority()))).toList();
        }
        return List.of(new SimpleGrantedAuthority(caller instanceof Caller.Admin ? "ROLE_ADMIN" : "ROLE_MERCHANT"));
    }

    @Override
    public Object getCredentials() {
        return "";
    }

    @Override
    public Caller getPrincipal() {
        return caller;
    }
}
