package io.stowage.api.shipping;

import static org.assertj.core.api.Assertions.assertThat;

import io.stowage.api.support.ApiTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/** Packers on two instances closing cartons at the same moment never receive the same SSCC or tracking number. */
@Tag("slow")
class TwoInstancesSsccTest extends ApiTest {

    @Autowired
    ApplicationContext service;

    @Test
    void cartonsClosedAtOnceOnTwoInstancesGetDistinctSsccs() throws Exception {
        ShippingDesk desk = ShippingDesk.create(this);
        UUID order = desk.order(null);
        try (ConfigurableApplicationContext second = secondInstance()) {
            List<ApplicationContext> instances = List.of(service, second);
            ExecutorService packers = Executors.newFixedThreadPool(8);
            try {
                List<Callable<UUID>> closes = new ArrayList<>();
                for (int i = 0; i < 40; i++) {
                    ApplicationContext instance = instances.get(i % 2);
                    int cartonNumber = i + 1;
                    closes.add(() -> desk.closeCarton(instance, order, cartonNumber, 700 + cartonNumber));
                }
                List<UUID> cartons = new ArrayList<>();
                for (Future<UUID> closed : packers.invokeAll(closes)) {
                    cartons.add(closed.get());
                }
                List<Map<?, ?>> shipments = cartons.stream().map(desk::awaitLabelled).toList();
                assertThat(shipments).extracting(shipment -> shipment.get("sscc")).doesNotHaveDuplicates().hasSize(40);
                assertThat(shipments).extracting(shipment -> shipment.get("tracking_number")).doesNotHaveDuplicates();
            } finally {
                packers.shutdownNow();
            }
        }
    }
}
