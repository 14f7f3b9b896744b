package io.stowage.api.dayplan;

import io.stowage.api.orders.PlannedCarrierService;
import io.stowage.api.orders.PlannedCarrierServices;
import java.time.ZoneOffset;
import java.util.UUID;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** Shows the planned service on the order view, from {@link CarrierPlans}. */
@Component
class OrderViewPlannedService implements PlannedCarrierServices {

    private final CarrierPlans plans;

    OrderViewPlannedService(CarrierPlans plans) {
        this.plans = plans;
    }

    @Override
    public Mono<PlannedCarrierService> forOrder(UUID orderId) {
        return plans.forOrder(orderId)
                .map(planned -> new PlannedCarrierService(planned.serviceCode(), planned.reason(), planned.plannedAt().atOffset(ZoneOffset.UTC)));
    }
}
