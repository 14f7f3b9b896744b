package io.stowage.api.startup;

import io.stowage.api.access.AdminKey;
import io.stowage.api.demo.DemoData;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Once the service listens: makes sure an admin key exists, loads the demo when asked, and tells
 * the person who started it where everything is.
 */
@Component
class StartupAnnouncement {

    private static final Logger log = LoggerFactory.getLogger(StartupAnnouncement.class);

    private final AdminKey adminKey;
    private final DemoData demo;
    private final Environment environment;
    private final boolean demoWanted;

    StartupAnnouncement(AdminKey adminKey, DemoData demo, Environment environment, @Value("${stowage.demo:false}") boolean demoWanted) {
        this.adminKey = adminKey;
        this.demo = demo;
        this.environment = environment;
        this.demoWanted = demoWanted;
    }

    @EventListener(ApplicationReadyEvent.class)
    void announce() {
        Mono<Optional<String>> generatedKey = adminKey.ensureExists().map(Optional::of).defaultIfEmpty(Optional.empty());
        Mono<Optional<DemoData.Loaded>> loadedDemo = demoWanted
                ? demo.loadIfEmpty().map(Optional::of).defaultIfEmpty(Optional.empty())
                : Mono.just(Optional.empty());
        generatedKey.zipWhen(key -> loadedDemo)
                .subscribe(
                        result -> log.info(banner(result.getT1(), result.getT2())),
                        error -> log.error("Start-up tasks failed", error));
    }

    private String banner(Optional<String> generatedKey, Optional<DemoData.Loaded> loadedDemo) {
        String base = environment.getProperty("stowage.public-url", "http://localhost:" + environment.getProperty("local.server.port"));
        StringBuilder text = new StringBuilder("\n\n  Stowage is running\n");
        text.append("  API           ").append(base).append("/api/v1\n");
        text.append("  Swagger UI    ").append(base).append("/swagger-ui.html\n");
        text.append("  OpenAPI       ").append(base).append("/v3/api-docs\n");
        text.append("  Health        ").append(base).append("/actuator/health\n");
        text.append("  Metrics       ").append(base).append("/actuator/prometheus   (with the admin key)\n");
        generatedKey.ifPresentOrElse(
                key -> text.append("  Admin key     ").append(key).append("   (shown once: keep it; or set STOWAGE_ADMIN_KEY)\n"),
                () -> text.append("  Admin key     from STOWAGE_ADMIN_KEY, or the one printed at the first start\n"));
        if (demoWanted) {
            text.append(demo.describe(loadedDemo.isPresent()));
        }
        return text.toString();
    }
}
