package io.stowage.api.access;

import io.stowage.api.problem.ApiProblem;
import io.stowage.api.problem.ProblemType;
import io.stowage.api.problem.ProblemWriter;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.SecurityWebFiltersOrder;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.authentication.AuthenticationWebFilter;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedHandler;
import org.springframework.security.web.server.firewall.ServerWebExchangeFirewall;
import org.springframework.security.web.server.firewall.StrictServerWebExchangeFirewall;
import reactor.core.publisher.Mono;

/**
 * Bearer secrets only, no sessions or cookies. Paths say who may enter; services check the finer
 * rules (a merchant's own data, a worker's warehouse and role) through {@link Caller}.
 */
@Configuration
@EnableWebFluxSecurity
class SecurityConfig {

    /** SKUs and product codes may hold a slash; it reaches the path encoded as %2F. */
    @Bean
    ServerWebExchangeFirewall firewall() {
        StrictServerWebExchangeFirewall firewall = new StrictServerWebExchangeFirewall();
        firewall.setAllowUrlEncodedSlash(true);
        return firewall;
    }

    /** A request the firewall refuses (encoded NUL, path traversal, odd methods) is a problem like any other refusal. */
    @Bean
    ServerExchangeRejectedHandler exchangeRejectedHandler(ProblemWriter problems) {
        return (exchange, rejected) -> problems.write(exchange, new ApiProblem(ProblemType.MALFORMED_REQUEST,
                "The request was refused: " + rejected.getMessage(), List.of()));
    }

    @Bean
    SecurityWebFilterChain securityWebFilterChain(ServerHttpSecurity http, BearerAuthenticationManager manager, ProblemWriter problems) {
        AuthenticationWebFilter bearer = new AuthenticationWebFilter(manager);
        bearer.setServerAuthenticationConverter(exchange -> {
            String header = exchange.getRequest().getHeaders().getFirst(HttpHeaders.AUTHORIZATION);
            if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
                return Mono.empty();
            }
            String token = header.substring(7).trim();
            return Mono.just(new UsernamePasswordAuthenticationToken(token, token));
        });
        bearer.setSecurityContextRepository(NoOpServerSecurityContextRepository.getInstance());
        bearer.setAuthenticationFailureHandler((webFilterExchange, e) ->
                problems.write(webFilterExchange.getExchange(), ApiProblem.unauthorized(e.getMessage())));

        return http
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .requestCache(ServerHttpSecurity.RequestCacheSpec::disable)
                .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
                .addFilterAt(bearer, SecurityWebFiltersOrder.AUTHENTICATION)
                .authorizeExchange(exchanges -> exchanges
                        .pathMatchers(HttpMethod.POST, "/api/v1/auth/worker-sessions").permitAll()
                        // Carriers sign their tracking webhooks instead of sending a key; tracking checks the signature.
                        .pathMatchers(HttpMethod.POST, "/api/v1/carrier-webhooks/*").permitAll()
                        .pathMatchers("/api/v1/admin/**").hasRole("ADMIN")
                        // Health is for load balancers and stays open; metrics tell volumes and internals, so the 3PL's admin key only.
                        .pathMatchers("/actuator/health", "/actuator/health/**").permitAll()
                        .pathMatchers("/actuator/**").hasRole("ADMIN")
                        .pathMatchers("/api/v1/**").authenticated()
                        .anyExchange().permitAll())
                .exceptionHandling(handling -> handling
                        .authenticationEntryPoint((exchange, e) -> problems.write(exchange,
                                ApiProblem.unauthorized("Send an API key, worker token or admin key as 'Authorization: Bearer <secret>'")))
                        .accessDeniedHandler((exchange, e) -> problems.write(exchange,
                                ApiProblem.forbidden("This secret may not use " + exchange.getRequest().getPath()))))
                .build();
    }
}
